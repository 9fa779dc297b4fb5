import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ImportErrorView {
  @ApiProperty({ description: 'the sheet’s row number (row 1 holds the headers)', example: 7 }) row: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the column’s header as exported; null for a problem of the whole row', example: '总投资（万元）' }) column: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the API field', example: 'totalInvestment' }) field: string | null;
  @ApiProperty({ example: '无法识别的金额：五千万' }) message: string;
}

/** What an import did (or, in a dry run, would do): rows read, valid and invalid, created and updated, every bad cell. */
export class ImportReportView {
  @ApiProperty({ description: 'data rows read (empty rows are skipped)' }) rows: number;
  @ApiProperty() valid: number;
  @ApiProperty() invalid: number;
  @ApiProperty({ description: 'projects created (dry-run and a refused commit: that would have been)' }) created: number;
  @ApiProperty({ description: 'rows that matched an existing project (same credit code and project name) and updated it' }) updated: number;
  @ApiProperty({ description: 'of the updated rows, those that changed nothing' }) unchanged: number;
  @ApiProperty({ description: 'whether anything was written' }) committed: boolean;
  @ApiProperty({ type: [ImportErrorView] }) errors: ImportErrorView[];
}

/** The `422` of a commit with invalid rows: the same report, nothing written. */
export class ImportRefusedView extends ImportReportView {
  @ApiProperty({ example: 422 }) statusCode: number;
  @ApiProperty({ example: 'Unprocessable Entity' }) error: string;
  @ApiProperty() message: string;
}
