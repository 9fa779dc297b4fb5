import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { CompanyView } from '../../companies/company.view';
import { ContactView } from '../../companies/contact.view';
import { CreateCompanyDto } from '../../companies/dto/company.dto';
import { CreateContactDto } from '../../companies/dto/contact.dto';
import { CreateProjectDto } from '../../projects/dto/project.dto';
import { ProjectView } from '../../projects/project.view';

/** The new company's fields; missing ones default from the lead (name, creditCode, industry, country CN). It goes to the lead's park. */
export class ConvertCompanyDto extends PartialType(OmitType(CreateCompanyDto, ['parkId'] as const)) {}

/** The contact's fields; missing ones default from the lead (name ← contactName, mobile ← contactMobile). */
export class ConvertContactDto extends PartialType(CreateContactDto) {}

/**
 * The project's fields; missing ones default from the lead (name ← title, industry, channel, originRegion,
 * totalInvestment ← estimatedInvestment or 0, ownerId ← assignee). Company and park come from the conversion.
 */
export class ConvertProjectDto extends PartialType(OmitType(CreateProjectDto, ['companyId', 'parkId'] as const)) {}

/** `POST /api/leads/:id/convert`. */
export class ConvertLeadDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'an existing company to use (else the lead’s company, a live company with the same credit code, or a new one)' })
  @IsOptional() @IsUUID()
  companyId?: string;

  @ApiPropertyOptional({ type: ConvertCompanyDto, description: 'fields of the company to create (not with companyId)' })
  @IsOptional() @ValidateNested() @Type(() => ConvertCompanyDto)
  company?: ConvertCompanyDto;

  @ApiPropertyOptional({ type: ConvertContactDto, description: 'a contact to create; by default one is created from the lead’s contactName' })
  @IsOptional() @ValidateNested() @Type(() => ConvertContactDto)
  contact?: ConvertContactDto;

  @ApiPropertyOptional({ type: ConvertProjectDto, description: 'overrides of the project’s fields' })
  @IsOptional() @ValidateNested() @Type(() => ConvertProjectDto)
  project?: ConvertProjectDto;
}

/** What a conversion created or reused. */
export class ConvertLeadResult {
  @ApiProperty({ type: CompanyView }) company: CompanyView;
  @ApiPropertyOptional({ type: ContactView, nullable: true, description: 'null when neither the lead nor the request names a contact' })
  contact: ContactView | null;
  @ApiProperty({ type: ProjectView }) project: ProjectView;
}
