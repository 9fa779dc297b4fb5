import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const present = (_: object, value: unknown) => value !== undefined;
const MOBILE = /^\+?[0-9][0-9 ()-]{4,30}$/;
const MOBILE_MESSAGE = { message: 'mobile 须为电话号码，如 13800138000 或 +86 138 0013 8000 (phone number)' };

export class CreateContactDto {
  @ApiProperty({ example: '王经理', maxLength: 100 }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) name: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '董事长', maxLength: 100 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(100) title?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '13800138000' }) @IsOptional() @Transform(trim) @IsString() @Matches(MOBILE, MOBILE_MESSAGE) mobile?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(200) @IsEmail() email?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 100 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(100) wechat?: string | null;
  @ApiPropertyOptional({ default: false, description: 'the company’s primary contact (setting it clears the others)' }) @IsOptional() @IsBoolean() primary?: boolean;
}

export class UpdateContactDto {
  @ApiProperty({ description: 'the version read' }) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional({ maxLength: 100 }) @ValidateIf(present) @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) name?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(trim) @IsString() @MaxLength(100) title?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(trim) @IsString() @Matches(MOBILE, MOBILE_MESSAGE) mobile?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(trim) @IsString() @MaxLength(200) @IsEmail() email?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @Transform(trim) @IsString() @MaxLength(100) wechat?: string | null;
  @ApiPropertyOptional() @ValidateIf(present) @IsBoolean() primary?: boolean;
}
