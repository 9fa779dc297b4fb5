import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsDateString, IsInt, IsNumber, IsOptional, IsPositive, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { SoftDeletePageQueryDto } from '../../common/pagination';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateMessage = (field: string) => ({ message: `${field} 须为 YYYY-MM-DD 日期 (date YYYY-MM-DD)` });

export class CreateFundDto {
  @ApiProperty({ description: '到位金额, 万元, > 0', example: 1200 })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }) @IsPositive() @Max(999_999_999_999)
  amount: number;
  @ApiProperty({ format: 'date', description: 'not in the future', example: '2026-03-31' })
  @IsDateString({ strict: true }, dateMessage('receivedOn')) @Matches(DATE, dateMessage('receivedOn'))
  receivedOn: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class UpdateFundDto extends PartialType(CreateFundDto, { skipNullProperties: false }) {
  @ApiProperty({ description: 'the version read' }) @IsInt() @Min(1) version: number;
}

export class ListFundsQueryDto extends SoftDeletePageQueryDto {
  @ApiPropertyOptional({ format: 'date', description: 'received on or after' })
  @IsOptional() @IsDateString({ strict: true }, dateMessage('from')) @Matches(DATE, dateMessage('from'))
  from?: string;
  @ApiPropertyOptional({ format: 'date', description: 'received on or before' })
  @IsOptional() @IsDateString({ strict: true }, dateMessage('to')) @Matches(DATE, dateMessage('to'))
  to?: string;
}
