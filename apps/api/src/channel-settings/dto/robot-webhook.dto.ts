import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, IsUrl, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { ROBOT_KINDS, type RobotKind } from '@zs/domain';
import { SoftDeletePageQueryDto } from '../../common/pagination';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };
const URL_MESSAGE = { message: 'url 应为 http(s) 地址 (a http or https URL)' };

export class CreateRobotWebhookDto {
  @ApiProperty({ enum: ROBOT_KINDS, description: 'wecom 企业微信 | dingtalk 钉钉 | feishu 飞书' })
  @IsIn(ROBOT_KINDS) kind: RobotKind;

  @ApiProperty({ example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…', description: 'the robot’s webhook address' })
  @IsString() @MaxLength(1000) @IsUrl(URL_OPTIONS, URL_MESSAGE) url: string;

  @ApiPropertyOptional({ description: 'DingTalk 加签 secret (SEC…) or Feishu 签名校验 secret; WeCom robots take none. Never returned in full.' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) secret?: string;

  @ApiPropertyOptional({ example: '园区招商工作群', description: 'a name to recognise it by' })
  @IsOptional() @IsString() @MaxLength(100) name?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a team (park) webhook: the park’s users’ reminders go to it. Default: the caller’s park when no userId' })
  @IsOptional() @IsUUID() parkId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a personal webhook of this user (not with parkId)' })
  @IsOptional() @IsUUID() userId?: string;

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() enabled?: boolean;
}

export class UpdateRobotWebhookDto {
  @ApiProperty({ description: 'the version read' }) @IsInt() @Min(1) version: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) @IsUrl(URL_OPTIONS, URL_MESSAGE) url?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'a new secret; null removes it; absent keeps it' })
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsString() @MinLength(1) @MaxLength(200) secret?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsString() @MaxLength(100) name?: string | null;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() enabled?: boolean;
}

export class ListRobotWebhooksQueryDto extends SoftDeletePageQueryDto {
  @ApiPropertyOptional({ enum: ROBOT_KINDS }) @IsOptional() @IsIn(ROBOT_KINDS) kind?: RobotKind;
  @ApiPropertyOptional({ format: 'uuid', description: 'the webhooks of this park (team)' }) @IsOptional() @IsUUID() parkId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'the personal webhooks of this user' }) @IsOptional() @IsUUID() userId?: string;
}

/** One of the caller's own webhooks in `PUT /api/me/channels`: with `id` it updates that webhook, without it creates one. */
export class MyWebhookDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'an existing webhook of yours; absent: a new one' }) @IsOptional() @IsUUID() id?: string;

  @ApiProperty({ enum: ROBOT_KINDS }) @IsIn(ROBOT_KINDS) kind: RobotKind;

  @ApiPropertyOptional({ description: 'required for a new webhook; absent on an existing one keeps its URL' })
  @IsOptional() @IsString() @MaxLength(1000) @IsUrl(URL_OPTIONS, URL_MESSAGE) url?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'absent keeps the secret; null removes it' })
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsString() @MinLength(1) @MaxLength(200) secret?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsString() @MaxLength(100) name?: string | null;

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() enabled?: boolean;
}

export class PutMyChannelsDto {
  @ApiPropertyOptional({ description: 'email reminders on or off (absent: unchanged)' })
  @IsOptional() @IsBoolean() emailEnabled?: boolean;

  @ApiPropertyOptional({
    type: [MyWebhookDto],
    description: 'the complete list of your own robot webhooks: listed ones are created or updated, the others deleted (absent: unchanged)',
  })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => MyWebhookDto)
  webhooks?: MyWebhookDto[];
}
