import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const booleanQuery = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export const DICTIONARY_KEY_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;

export class DictionariesQueryDto {
  @ApiPropertyOptional({ description: 'also list retired entries, each with `retired`' })
  @IsOptional() @Transform(booleanQuery) @IsBoolean()
  includeRetired?: boolean;
}

export class CreateDictionaryEntryDto {
  @ApiProperty({ example: 'new_energy', pattern: DICTIONARY_KEY_PATTERN.source })
  @IsString() @Matches(DICTIONARY_KEY_PATTERN, { message: 'key 须为小写字母开头的 2–64 位小写字母、数字或下划线 (lower-case letters, digits, _)' })
  key: string;

  @ApiProperty({ example: '新能源' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) labelZh: string;
  @ApiProperty({ example: 'New energy' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) labelEn: string;

  @ApiPropertyOptional({ description: 'ascending; default: after the last entry' })
  @IsOptional() @IsInt() @Min(0) @Max(1_000_000)
  sortOrder?: number;
}

export class UpdateDictionaryEntryDto {
  @ApiProperty({ description: 'the version read' }) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional() @ValidateIf((_, v) => v !== undefined) @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) labelZh?: string;
  @ApiPropertyOptional() @ValidateIf((_, v) => v !== undefined) @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) labelEn?: string;
  @ApiPropertyOptional() @ValidateIf((_, v) => v !== undefined) @IsInt() @Min(0) @Max(1_000_000) sortOrder?: number;
  @ApiPropertyOptional({ description: 'true retires the entry (kept for history, no longer accepted); false brings it back' })
  @ValidateIf((_, v) => v !== undefined) @IsBoolean()
  retired?: boolean;
}
