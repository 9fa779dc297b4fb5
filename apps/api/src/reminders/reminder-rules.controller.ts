import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { REMINDER_RULES } from '@zs/domain';
import type { Actor } from '../common/actor';
import { CurrentActor, Roles } from '../common/auth.decorators';
import { UpdateReminderRuleDto } from './dto/reminder-rule.dto';
import { ReminderRulePage, ReminderRuleView } from './reminder-rule.view';
import { ReminderRulesService } from './reminder-rules.service';

@ApiTags('reminders')
@ApiBearerAuth()
@Roles('admin')
@Controller('reminder-rules')
export class ReminderRulesController {
  constructor(private readonly rules: ReminderRulesService) {}

  @Get()
  @ApiOperation({ summary: '提醒规则 / The reminder rules with their thresholds, escalation and channels, and calendar warnings (admin)' })
  @ApiOkResponse({ type: ReminderRulePage })
  list(): Promise<ReminderRulePage> {
    return this.rules.list();
  }

  @Get(':rule')
  @ApiParam({ name: 'rule', enum: REMINDER_RULES })
  @ApiOperation({ summary: '提醒规则 / One reminder rule (admin)' })
  @ApiOkResponse({ type: ReminderRuleView })
  get(@Param('rule') rule: string): Promise<ReminderRuleView> {
    return this.rules.get(rule);
  }

  @Patch(':rule')
  @ApiParam({ name: 'rule', enum: REMINDER_RULES })
  @ApiOperation({ summary: '修改提醒规则 / Change a rule: on/off, thresholds (per stage), escalation delays, channels (admin)' })
  @ApiOkResponse({ type: ReminderRuleView })
  update(@CurrentActor() actor: Actor, @Param('rule') rule: string, @Body() body: UpdateReminderRuleDto): Promise<ReminderRuleView> {
    return this.rules.update(actor, rule, body);
  }
}
