import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean, IsInt, IsISO31661Alpha2, IsNumber, IsOptional, IsString, IsUrl, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateIf,
} from 'class-validator';
import { SoftDeletePageQueryDto } from '../../common/pagination';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
/** Present (not undefined): validate it, so that `null` is refused for fields that cannot be cleared. */
const present = (_: object, value: unknown) => value !== undefined;

const COUNTRY = { message: 'country 须为 ISO 3166-1 两位大写字母国家代码，如 CN、TR (ISO 3166-1 alpha-2, upper case)' };
const MAX_AMOUNT = 999_999_999_999.99;

export class CreateCompanyDto {
  @ApiProperty({ example: '天齐锂业股份有限公司', maxLength: 200 }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(200) name: string;

  @ApiPropertyOptional({ example: '91510700MA62XXXXXX', description: '统一社会信用代码, 18 characters, check character verified; unique among live companies', nullable: true, type: String })
  @IsOptional() @IsString() @MaxLength(40)
  creditCode?: string | null;

  @ApiProperty({ example: 'CN', description: 'ISO 3166-1 alpha-2, upper case' })
  @IsString() @Matches(/^[A-Z]{2}$/, COUNTRY) @IsISO31661Alpha2(COUNTRY)
  country: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 50 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(50) province?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 50 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(50) city?: string | null;
  @ApiProperty({ example: 'lithium_materials', description: 'a live `industries` key of /api/dictionaries' }) @IsString() @MaxLength(64) industry: string;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 32, example: '大型' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(32) size?: string | null;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() listed?: boolean;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 300, example: 'https://www.tianqilithium.com' })
  @IsOptional() @Transform(trim) @IsString() @MaxLength(300) @IsUrl({ require_protocol: false }, { message: 'website 须为网址 (must be a URL)' })
  website?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number, description: '注册资本, 万元', minimum: 0 })
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }) @Min(0) @Max(MAX_AMOUNT)
  registeredCapital?: number | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'default: the caller’s park; must be one of the caller’s parks' })
  @IsOptional() @IsUUID()
  parkId?: string;
}

export class UpdateCompanyDto {
  @ApiProperty({ description: 'the version read' }) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional({ maxLength: 200 }) @ValidateIf(present) @Transform(trim) @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null clears it' }) @IsOptional() @IsString() @MaxLength(40) creditCode?: string | null;
  @ApiPropertyOptional({ example: 'CN' }) @ValidateIf(present) @IsString() @Matches(/^[A-Z]{2}$/, COUNTRY) @IsISO31661Alpha2(COUNTRY) country?: string;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 50 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(50) province?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 50 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(50) city?: string | null;
  @ApiPropertyOptional({ description: 'a live `industries` key' }) @ValidateIf(present) @IsString() @MaxLength(64) industry?: string;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 32 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(32) size?: string | null;
  @ApiPropertyOptional() @ValidateIf(present) @IsBoolean() listed?: boolean;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 300 })
  @IsOptional() @Transform(trim) @IsString() @MaxLength(300) @IsUrl({ require_protocol: false }, { message: 'website 须为网址 (must be a URL)' })
  website?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number, description: '万元' })
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }) @Min(0) @Max(MAX_AMOUNT)
  registeredCapital?: number | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'moves the company to another of the caller’s parks' }) @ValidateIf(present) @IsUUID() parkId?: string;
}

export class ListCompaniesQueryDto extends SoftDeletePageQueryDto {
  @ApiPropertyOptional({ description: 'substring of the name (Chinese included, e.g. 锂业), or an exact credit code' })
  @IsOptional() @IsString() @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'an `industries` key' }) @IsOptional() @IsString() @MaxLength(64) industry?: string;
  @ApiPropertyOptional({ example: 'CN' }) @IsOptional() @Transform(upper) @IsString() @Matches(/^[A-Z]{2}$/, COUNTRY) country?: string;
  @ApiPropertyOptional({ description: 'exact 统一社会信用代码' }) @IsOptional() @IsString() @MaxLength(40) creditCode?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'that park and its sub-areas' }) @IsOptional() @IsUUID() parkId?: string;
}
