import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IMPORT_MODES, type ImportMode } from '../imports.service';

export class ImportQueryDto {
  @ApiPropertyOptional({ enum: IMPORT_MODES, default: 'dry-run', description: 'dry-run: report only; commit: all rows or nothing (422 if any row is invalid); partial: the valid rows' })
  @IsOptional() @IsIn(IMPORT_MODES) mode?: ImportMode;
}
