import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGREEMENT_KINDS, roundHalfUp, type AgreementKind } from '@zs/domain';
import type { Agreement } from '@zs/db';

/** An agreement or contract (签约) as the API shows it. */
export class AgreementView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ enum: AGREEMENT_KINDS }) kind: AgreementKind;
  @ApiPropertyOptional({ nullable: true, type: String }) number: string | null;
  @ApiProperty({ format: 'date' }) signedOn: string;
  @ApiProperty({ description: '万元' }) amount: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: '亩' }) landAreaMu: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: '投资强度: amount ÷ landAreaMu, 万元/亩, 2 decimals; null without land' })
  investmentIntensity: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) committedLandOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) committedStartOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) committedProductionOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) createdById: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) deletedAt: Date | null;
  @ApiProperty() version: number;
}

export class AgreementPage {
  @ApiProperty({ type: [AgreementView] }) items: AgreementView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

/** 投资强度 in 万元/亩, rounded half up to 2 decimals; null without a (positive) land area. */
export function investmentIntensity(amount: number, landAreaMu: number | null): number | null {
  if (!landAreaMu || landAreaMu <= 0) return null;
  return roundHalfUp(amount / landAreaMu, 2);
}

export function toAgreementView(a: Agreement): AgreementView {
  return {
    id: a.id,
    projectId: a.projectId,
    kind: a.kind,
    number: a.number,
    signedOn: a.signedOn,
    amount: a.amount,
    landAreaMu: a.landAreaMu,
    investmentIntensity: investmentIntensity(a.amount, a.landAreaMu),
    committedLandOn: a.committedLandOn,
    committedStartOn: a.committedStartOn,
    committedProductionOn: a.committedProductionOn,
    createdById: a.createdById,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    deletedAt: a.deletedAt,
    version: a.version,
  };
}
