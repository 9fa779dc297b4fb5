import { ApiProperty, ApiPropertyOptional, PartialType, OmitType } from '@nestjs/swagger';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength,
} from 'class-validator';
import { Transform } from 'class-transformer';
import { ROLES, type Role } from '@zs/domain';
import { MAX_LIMIT, PageQueryDto } from '../../common/pagination';

export class CreateUserDto {
  @ApiProperty({ example: 'zhangsan' })
  @IsString() @Matches(/^[A-Za-z0-9_.-]{2,64}$/, { message: 'username 只能包含字母、数字、_ . - (2–64 characters)' })
  username: string;

  @ApiProperty({ minLength: 8 }) @IsString() @MinLength(8) @MaxLength(200) password: string;
  @ApiProperty({ example: '张三' }) @IsString() @MinLength(1) @MaxLength(100) displayName: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^\+?[0-9 -]{5,20}$/) mobile?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() managerId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'default: the root park' }) @IsOptional() @IsUUID() parkId?: string;
}

export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['username'] as const)) {
  @ApiProperty({ description: 'the version read' }) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional({ description: 'false disables the account' }) @IsOptional() @IsBoolean() active?: boolean;
}

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() parkId?: string;
  @ApiPropertyOptional({ description: 'substring of username or display name' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ description: 'include disabled accounts' })
  @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean()
  includeDisabled?: boolean;
}

/** `GET /api/users/names?ids=a,b` (comma-separated, or the parameter repeated): at most 200 ids. */
export class UserNamesQueryDto {
  @ApiProperty({ type: String, description: 'user ids, comma-separated (or `ids` repeated), at most 200', example: '3f0c…,9a1b…' })
  @Transform(({ value }) => (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : value)
    ?.map?.((id: unknown) => (typeof id === 'string' ? id.trim() : id)).filter((id: unknown) => id !== ''))
  @IsArray() @ArrayMinSize(1, { message: 'ids 不能为空 (give at least one id)' }) @ArrayMaxSize(MAX_LIMIT)
  @IsUUID('all', { each: true, message: 'ids 须为用户 id (uuids)' })
  ids: string[];
}
