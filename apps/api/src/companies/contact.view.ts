import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Contact } from '@zs/db';

export class ContactView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String }) title: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) mobile: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) email: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) wechat: string | null;
  @ApiProperty() primary: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
  @ApiProperty() version: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) deletedAt: Date | null;
}

export class ContactPage {
  @ApiProperty({ type: [ContactView] }) items: ContactView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export function toContactView(contact: Contact): ContactView {
  return {
    id: contact.id,
    companyId: contact.companyId,
    name: contact.name,
    title: contact.title,
    mobile: contact.mobile,
    email: contact.email,
    wechat: contact.wechat,
    primary: contact.primary,
    createdAt: contact.createdAt,
    updatedAt: contact.updatedAt,
    version: contact.version,
    deletedAt: contact.deletedAt,
  };
}
