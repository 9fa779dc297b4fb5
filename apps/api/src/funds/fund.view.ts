import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Fund } from '@zs/db';

/** Funds in place (实际到位资金) as the API shows them. */
export class FundView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ description: '万元' }) amount: number;
  @ApiProperty({ format: 'date' }) receivedOn: string;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) createdById: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) deletedAt: Date | null;
  @ApiProperty() version: number;
}

export class FundPage {
  @ApiProperty({ type: [FundView] }) items: FundView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
  @ApiProperty({ description: 'the project’s total funds in place (live records, whatever the filters), 万元' }) total: number;
}

export function toFundView(f: Fund): FundView {
  return {
    id: f.id,
    projectId: f.projectId,
    amount: f.amount,
    receivedOn: f.receivedOn,
    note: f.note,
    createdById: f.createdById,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    deletedAt: f.deletedAt,
    version: f.version,
  };
}
