import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { SoftDeletePageQueryDto } from '../../common/pagination';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateParkDto {
  @ApiProperty({ example: '暖泉片区', maxLength: 100 }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) name: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'default: the root park' }) @IsOptional() @IsUUID() parentId?: string;
}

export class UpdateParkDto {
  @ApiProperty({ description: 'the version read' }) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional({ maxLength: 100 }) @ValidateIf((_, v) => v !== undefined) @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) name?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'moves the park (and its sub-areas) under another park' })
  @ValidateIf((_, v) => v !== undefined) @IsUUID()
  parentId?: string;
}

export class ListParksQueryDto extends SoftDeletePageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'that park and its sub-areas' }) @IsOptional() @IsUUID() parkId?: string;
}
