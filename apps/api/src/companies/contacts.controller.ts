import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { IdParam } from '../common/id-param.pipe';
import { SoftDeletePageQueryDto } from '../common/pagination';
import { ContactPage, ContactView } from './contact.view';
import { ContactsService } from './contacts.service';
import { CreateContactDto, UpdateContactDto } from './dto/contact.dto';

@ApiTags('contacts')
@ApiBearerAuth()
@Controller()
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Get('companies/:id/contacts')
  @ApiOperation({ summary: '企业联系人 / A company’s contacts, newest first' })
  @ApiOkResponse({ type: ContactPage })
  list(@CurrentActor() actor: Actor, @Param('id', IdParam()) companyId: string, @Query() query: SoftDeletePageQueryDto): Promise<ContactPage> {
    return this.contacts.list(actor, companyId, query);
  }

  @Post('companies/:id/contacts')
  @ApiOperation({ summary: '新建联系人 / Add a contact to a company' })
  @ApiCreatedResponse({ type: ContactView })
  create(@CurrentActor() actor: Actor, @Param('id', IdParam()) companyId: string, @Body() body: CreateContactDto): Promise<ContactView> {
    return this.contacts.create(actor, companyId, body);
  }

  @Get('contacts/:id')
  @ApiOperation({ summary: '联系人 / One contact' })
  @ApiOkResponse({ type: ContactView })
  get(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<ContactView> {
    return this.contacts.get(actor, id);
  }

  @Patch('contacts/:id')
  @ApiOperation({ summary: '修改联系人 / Update a contact (primary: true clears the company’s other primary)' })
  @ApiOkResponse({ type: ContactView })
  update(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string, @Body() body: UpdateContactDto): Promise<ContactView> {
    return this.contacts.update(actor, id, body);
  }

  @Delete('contacts/:id')
  @HttpCode(204)
  @ApiOperation({ summary: '删除联系人 / Delete a contact' })
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<void> {
    return this.contacts.remove(actor, id);
  }

  @Post('contacts/:id/restore')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: '恢复联系人 / Restore a deleted contact (admin)' })
  @ApiOkResponse({ type: ContactView })
  restore(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<ContactView> {
    return this.contacts.restore(actor, id);
  }
}
