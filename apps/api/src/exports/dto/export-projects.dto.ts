import { OmitType } from '@nestjs/swagger';
import { ListProjectsQueryDto } from '../../projects/dto/project.dto';

/** The filters of `GET /api/projects` (q, stage, industry, channel, originRegion, ownerId, leaderId, companyId, parkId, …), without paging. */
export class ExportProjectsQueryDto extends OmitType(ListProjectsQueryDto, ['limit', 'cursor'] as const) {}
