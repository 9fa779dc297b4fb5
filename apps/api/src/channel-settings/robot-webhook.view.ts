import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { maskSecret, maskWebhookUrl, ROBOT_KINDS, type RobotKind } from '@zs/domain';
import type { RobotWebhook } from '@zs/db';

/** A robot webhook as the API shows it: the URL's token and the secret masked, never in full. */
export class RobotWebhookView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ROBOT_KINDS }) kind: RobotKind;
  @ApiPropertyOptional({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ description: 'masked: the token in the URL shows only its first and last 4 characters' }) url: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'masked (••••••abcd), null when none is set' }) secret: string | null;
  @ApiProperty({ description: 'whether a signing secret is set' }) hasSecret: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'set on a team (park) webhook' }) parkId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'set on a personal webhook' }) userId: string | null;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) deletedAt: Date | null;
  @ApiProperty() version: number;
}

export class RobotWebhookPage {
  @ApiProperty({ type: [RobotWebhookView] }) items: RobotWebhookView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export function toRobotWebhookView(webhook: RobotWebhook): RobotWebhookView {
  return {
    id: webhook.id,
    kind: webhook.kind,
    name: webhook.name,
    url: maskWebhookUrl(webhook.url),
    secret: maskSecret(webhook.secret),
    hasSecret: !!webhook.secret,
    parkId: webhook.parkId,
    userId: webhook.userId,
    enabled: webhook.enabled,
    createdAt: webhook.createdAt,
    updatedAt: webhook.updatedAt,
    deletedAt: webhook.deletedAt,
    version: webhook.version,
  };
}

/** `GET /api/me/channels`: the caller's reminder channels. */
export class MyChannelsView {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the address reminders go to (the user’s email)' }) email: string | null;
  @ApiProperty({ description: 'email reminders switched on by the user' }) emailEnabled: boolean;
  @ApiProperty({ description: 'the server can send email (SMTP configured)' }) emailAvailable: boolean;
  @ApiProperty({ type: [RobotWebhookView], description: 'your own robot webhooks' }) webhooks: RobotWebhookView[];
  @ApiProperty({ type: [RobotWebhookView], description: 'your park’s (team’s) robot webhooks, managed by managers and admins' }) teamWebhooks: RobotWebhookView[];
  @ApiProperty({
    type: [String],
    description: 'the channels your reminders go out on now (besides in-app), e.g. ["email","wecom"]',
  })
  activeChannels: string[];
}
