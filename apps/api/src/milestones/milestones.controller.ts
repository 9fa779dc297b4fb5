import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor } from '../common/auth.decorators';
import { IdParam } from '../common/id-param.pipe';
import { RequestLanguage, type Language } from '../dictionaries/language';
import { UpdateMilestoneDto } from './dto/milestone.dto';
import { MilestoneList, MilestoneView } from './milestone.view';
import { MilestonesService } from './milestones.service';

@ApiTags('milestones')
@ApiBearerAuth()
@Controller()
export class MilestonesController {
  constructor(private readonly milestones: MilestonesService) {}

  @Get('projects/:id/milestones')
  @ApiOperation({ summary: '前期手续 / The permit chain of a project, in order, labelled per Accept-Language' })
  @ApiOkResponse({ type: MilestoneList })
  listForProject(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam()) id: string,
    @RequestLanguage() language: Language,
  ): Promise<MilestoneList> {
    return this.milestones.listForProject(actor, id, language);
  }

  @Get('milestones/:id')
  @ApiOperation({ summary: '前期手续步骤 / One permit-chain step' })
  @ApiOkResponse({ type: MilestoneView })
  get(@CurrentActor() actor: Actor, @Param('id', IdParam()) id: string, @RequestLanguage() language: Language): Promise<MilestoneView> {
    return this.milestones.get(actor, id, language);
  }

  @Patch('milestones/:id')
  @ApiOperation({ summary: '更新前期手续步骤 / Update a step’s status, dates, owner or note (send the version read)' })
  @ApiOkResponse({ type: MilestoneView })
  @ApiConflictResponse({ description: 'stale version' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', IdParam()) id: string,
    @Body() body: UpdateMilestoneDto,
    @RequestLanguage() language: Language,
  ): Promise<MilestoneView> {
    return this.milestones.update(actor, id, body, language);
  }
}
