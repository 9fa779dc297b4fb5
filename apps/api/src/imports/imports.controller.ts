import { Controller, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth, ApiBody, ApiConsumes, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags, ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { ImportQueryDto } from './dto/import-query.dto';
import { ImportRefusedView, ImportReportView } from './import-report.view';
import { ImportsService } from './imports.service';
import { readUploadedFile } from './upload';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post('projects')
  @HttpCode(200)
  @Roles('manager', 'admin')
  @ApiOperation({ summary: '导入项目台账 / Import the project ledger (the export’s layout): dry-run, commit (all or nothing) or partial (managers)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'an .xlsx workbook in the layout of GET /api/exports/projects.xlsx' } },
    },
  })
  @ApiOkResponse({ type: ImportReportView })
  @ApiUnprocessableEntityResponse({ type: ImportRefusedView, description: 'commit with invalid rows: the same report, nothing written' })
  @ApiPayloadTooLargeResponse({ description: 'the file exceeds 20 MB' })
  @ApiForbiddenResponse({ description: 'managers and admins only' })
  async projects(
    @CurrentActor() actor: Actor,
    @Query() query: ImportQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await readUploadedFile(request);
    const report = await this.imports.importProjects(actor, file, query.mode ?? 'dry-run');
    if (query.mode === 'commit' && !report.committed) {
      const refused: ImportRefusedView = {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: `有 ${report.invalid} 行无效，未写入任何数据 (${report.invalid} invalid rows: nothing was written)`,
        ...report,
      };
      await reply.status(422).send(refused);
      return;
    }
    await reply.status(200).send(report);
  }
}
