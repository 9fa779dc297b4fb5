import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsDateString, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { AGREEMENT_KINDS, type AgreementKind } from '@zs/domain';
import { SoftDeletePageQueryDto } from '../../common/pagination';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateMessage = (field: string) => ({ message: `${field} 须为 YYYY-MM-DD 日期 (date YYYY-MM-DD)` });
const money = () => IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false });

export class CreateAgreementDto {
  @ApiProperty({ enum: AGREEMENT_KINDS }) @IsIn(AGREEMENT_KINDS) kind: AgreementKind;
  @ApiPropertyOptional({ description: '协议编号', maxLength: 100 }) @IsOptional() @IsString() @MaxLength(100) number?: string;
  @ApiProperty({ format: 'date', description: 'not in the future', example: '2007-11-10' })
  @IsDateString({ strict: true }, dateMessage('signedOn')) @Matches(DATE, dateMessage('signedOn'))
  signedOn: string;
  @ApiProperty({ description: '签约金额, 万元', example: 52000 }) @money() @Min(0) @Max(999_999_999_999) amount: number;
  @ApiPropertyOptional({ description: '用地面积, 亩', example: 100 }) @IsOptional() @money() @Min(0.01) @Max(9_999_999_999) landAreaMu?: number;
  @ApiPropertyOptional({ format: 'date', description: '约定供地日期' })
  @IsOptional() @IsDateString({ strict: true }, dateMessage('committedLandOn')) @Matches(DATE, dateMessage('committedLandOn'))
  committedLandOn?: string;
  @ApiPropertyOptional({ format: 'date', description: '约定开工日期' })
  @IsOptional() @IsDateString({ strict: true }, dateMessage('committedStartOn')) @Matches(DATE, dateMessage('committedStartOn'))
  committedStartOn?: string;
  @ApiPropertyOptional({ format: 'date', description: '约定投产日期' })
  @IsOptional() @IsDateString({ strict: true }, dateMessage('committedProductionOn')) @Matches(DATE, dateMessage('committedProductionOn'))
  committedProductionOn?: string;
}

export class UpdateAgreementDto extends PartialType(CreateAgreementDto, { skipNullProperties: false }) {
  @ApiProperty({ description: 'the version read' }) @IsInt() @Min(1) version: number;
}

export class ListAgreementsQueryDto extends SoftDeletePageQueryDto {
  @ApiPropertyOptional({ enum: AGREEMENT_KINDS }) @IsOptional() @IsIn(AGREEMENT_KINDS) kind?: AgreementKind;
}
