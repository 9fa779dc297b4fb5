import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { IdParam } from '../common/id-param.pipe';
import { CompaniesService } from './companies.service';
import { CompanyDetailView, CompanyPage, CompanyView } from './company.view';
import { CreateCompanyDto, ListCompaniesQueryDto, UpdateCompanyDto } from './dto/company.dto';

@ApiTags('companies')
@ApiBearerAuth()
@Controller('companies')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @Post()
  @ApiOperation({ summary: '新建企业 / Create a company (in the caller’s park)' })
  @ApiCreatedResponse({ type: CompanyView })
  create(@CurrentActor() actor: Actor, @Body() body: CreateCompanyDto): Promise<CompanyView> {
    return this.companies.create(actor, body);
  }

  @Get()
  @ApiOperation({ summary: '企业列表 / Companies of the caller’s parks, newest first' })
  @ApiOkResponse({ type: CompanyPage })
  list(@CurrentActor() actor: Actor, @Query() query: ListCompaniesQueryDto): Promise<CompanyPage> {
    return this.companies.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: '企业详情 / One company with its contacts and the projects the caller may see' })
  @ApiOkResponse({ type: CompanyDetailView })
  get(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<CompanyDetailView> {
    return this.companies.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: '修改企业 / Update a company' })
  @ApiOkResponse({ type: CompanyView })
  update(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string, @Body() body: UpdateCompanyDto): Promise<CompanyView> {
    return this.companies.update(actor, id, body);
  }

  @Delete(':id')
  @Roles('manager', 'admin')
  @HttpCode(204)
  @ApiOperation({ summary: '删除企业 / Delete a company (managers; 409 while it has projects)' })
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<void> {
    return this.companies.remove(actor, id);
  }

  @Post(':id/restore')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: '恢复企业 / Restore a deleted company (admin)' })
  @ApiOkResponse({ type: CompanyView })
  restore(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string): Promise<CompanyView> {
    return this.companies.restore(actor, id);
  }
}
