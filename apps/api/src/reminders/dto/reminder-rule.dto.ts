import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Min, ValidateNested } from 'class-validator';
import { EXTERNAL_CHANNELS, OFFSET_UNITS, type ExternalChannel, type OffsetUnit } from '@zs/domain';

export class OffsetDto {
  @ApiProperty({ example: 2, minimum: 0 }) @IsInt() @Min(0) value: number;
  @ApiProperty({ enum: OFFSET_UNITS }) @IsIn(OFFSET_UNITS) unit: OffsetUnit;
}

/** Only the levels sent change; null switches a level off. */
export class EscalationDto {
  @ApiPropertyOptional({ type: OffsetDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => OffsetDto) officer?: OffsetDto | null;
  @ApiPropertyOptional({ type: OffsetDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => OffsetDto) leader?: OffsetDto | null;
  @ApiPropertyOptional({ type: OffsetDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => OffsetDto) managers?: OffsetDto | null;
}

/** stale_project: only the stages sent change; null stops watching a stage. */
export class StageThresholdsDto {
  @ApiPropertyOptional({ type: OffsetDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => OffsetDto) intention?: OffsetDto | null;
  @ApiPropertyOptional({ type: OffsetDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => OffsetDto) negotiation?: OffsetDto | null;
  @ApiPropertyOptional({ type: OffsetDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => OffsetDto) agreement?: OffsetDto | null;
  @ApiPropertyOptional({ type: OffsetDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => OffsetDto) contract?: OffsetDto | null;
  @ApiPropertyOptional({ type: OffsetDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => OffsetDto) land_delivered?: OffsetDto | null;
  @ApiPropertyOptional({ type: OffsetDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => OffsetDto) construction?: OffsetDto | null;
  @ApiPropertyOptional({ type: OffsetDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => OffsetDto) production?: OffsetDto | null;
}

export class UpdateReminderRuleDto {
  @ApiProperty({ description: 'the version read' }) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({ type: OffsetDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => OffsetDto) threshold?: OffsetDto | null;
  @ApiPropertyOptional({ type: StageThresholdsDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => StageThresholdsDto) stageThresholds?: StageThresholdsDto | null;
  @ApiPropertyOptional({ type: EscalationDto }) @IsOptional() @ValidateNested() @Type(() => EscalationDto) escalation?: EscalationDto;
  @ApiPropertyOptional({ enum: EXTERNAL_CHANNELS, isArray: true, description: 'in-app is always on and not listed' })
  @IsOptional() @IsArray() @ArrayMaxSize(EXTERNAL_CHANNELS.length) @IsIn(EXTERNAL_CHANNELS, { each: true })
  channels?: ExternalChannel[];
}
