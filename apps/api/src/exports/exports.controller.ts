import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor } from '../common/auth.decorators';
import { ExportProjectsQueryDto } from './dto/export-projects.dto';
import { ExportsService, XLSX_TYPE } from './exports.service';

@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('projects.xlsx')
  @ApiOperation({ summary: '导出项目台账 / The project ledger as Excel (same filters and visibility as GET /api/projects), streamed' })
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({
    description: 'the workbook: sheet 1 the ledger (row 1 Chinese headers), sheet 2 the filters used; `Content-Disposition: attachment; filename*=UTF-8\'\'项目台账-YYYYMMDD.xlsx`',
    content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  async projects(@CurrentActor() actor: Actor, @Query() query: ExportProjectsQueryDto): Promise<StreamableFile> {
    const file = await this.exports.projectLedger(actor, query);
    return new StreamableFile(file.stream, { type: XLSX_TYPE, disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}` });
  }
}
