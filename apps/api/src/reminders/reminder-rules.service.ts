import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { cancelResolvedDeliveries, ReminderRuleSettings } from '@zs/db';
import { applyRuleChange, DomainError, ErrorCode, isReminderRule, REMINDER_RULES, type ReminderRule, type RuleSettingsChange } from '@zs/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { notFound } from '../common/optimistic-update';
import { CalendarService } from '../calendar/calendar.service';
import type { UpdateReminderRuleDto } from './dto/reminder-rule.dto';
import { ReminderRulePage, ReminderRuleView, toReminderRuleView } from './reminder-rule.view';

/** Admins: the reminder rules' thresholds, escalation delays, channels, on/off (the worker reads them on every scan). */
@Injectable()
export class ReminderRulesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  async list(): Promise<ReminderRulePage> {
    const rows = await this.db.manager.find(ReminderRuleSettings);
    const order = new Map(REMINDER_RULES.map((rule, i) => [rule, i]));
    const items = rows.filter((r) => isReminderRule(r.rule)).sort((a, b) => order.get(a.rule)! - order.get(b.rule)!).map(toReminderRuleView);
    return { items, nextCursor: null, warnings: await this.calendar.warnings() };
  }

  async get(rule: string): Promise<ReminderRuleView> {
    return toReminderRuleView(await this.load(rule));
  }

  /**
   * Changes a rule (409 on a stale version); what the rule cannot take is a 400 naming the field. Switching a
   * rule off cancels its pending deliveries in the same transaction; levels already sent stay sent.
   */
  async update(actor: Actor, rule: string, dto: UpdateReminderRuleDto): Promise<ReminderRuleView> {
    await this.db.transaction(async (tx) => {
      const current = await this.load(rule, tx);
      const { version, ...change } = dto;
      const next = applyRuleChange(current.rule, current, change as RuleSettingsChange);
      const [, affected] = await tx.query(
        `UPDATE reminder_rules SET enabled = $3, threshold = $4, stage_thresholds = $5, escalation = $6, channels = $7,
                updated_by_id = $8, version = version + 1, updated_at = now()
          WHERE rule = $1 AND version = $2`,
        [rule, version, next.enabled, json(next.threshold), json(next.stageThresholds), json(next.escalation), next.channels, actor.id],
      );
      if (!affected) {
        throw new DomainError(ErrorCode.StaleVersion, '记录已被他人修改，请刷新后重试 (stale version)', [{ field: 'version', message: '版本已过期 (stale version)' }]);
      }
      if (!next.enabled) await cancelResolvedDeliveries(tx, { rule });
    });
    return this.get(rule);
  }

  private async load(rule: string, manager = this.db.manager): Promise<ReminderRuleSettings & { rule: ReminderRule }> {
    const row = isReminderRule(rule) ? await manager.findOne(ReminderRuleSettings, { where: { rule } }) : null;
    if (!row) throw notFound('提醒规则');
    return row;
  }
}

function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
