import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, Env } from '@zs/config';
import { buildDispatchList } from '@zs/db';
import {
  definitionsIn, ENTERED_KEYS, FUNNEL_DEFINITIONS, growth, KPI_DEFINITIONS, PIPELINE_STAGES, previousYearPeriod, ratio, rates,
  resolvePeriod, rollupPlan, roundDays, STAGE_LABELS, toZonedDate,
  type EnteredKey, type KpiFigures, type Period, type PipelineStage, type RollupPlan, type Stage,
} from '@zs/domain';
import { DataSource } from 'typeorm';
import { Actor, isManagerOrAdmin, parkScope } from '../common/actor';
import type { Language } from '../dictionaries/language';
import { DictionariesService } from '../dictionaries/dictionaries.service';
import { parkSubtreeFilter } from '../parks/park-subtree';
import { ProjectAccessService } from '../projects/project-access.service';
import { funnelDurationsFromRollup } from './analytics-funnel.queries';
import { rollupFunnelEnteredSql, rollupKpiSql, rollupParams, rollupSnapshotSql, rollupTotals } from './analytics-rollup.queries';
import {
  BREAKDOWN_DIMENSIONS, funnelStagesSql, kpiSql, leadFunnelSql, runAnalytics, runNamed, snapshotSql,
  type BreakdownDimension, type FunnelStageRow, type KpiRow, type LeadFunnelRow, type SnapshotRow, type SqlCondition,
} from './analytics.queries';
import type {
  BreakdownItemView, BreakdownsView, DispatchListView, FunnelView, KpiFiguresView, KpisView, PeriodFiguresView, SnapshotStageView,
} from './analytics.view';
import type { AnalyticsFiltersDto, AnalyticsQueryDto, DispatchQueryDto } from './dto/analytics-query.dto';

const NOT_GIVEN = { zh: '未填写', en: 'Not given' } as const;

/**
 * Manager analytics: the funnel, the KPIs (with breakdowns and the year before) and the weekly dispatch list.
 * Every figure is computed in SQL from the stage history (analytics.queries.ts) over the projects the caller
 * may read (ProjectAccessService.readableCondition) that pass the filters; definitions come from @zs/domain.
 */
@Injectable()
export class AnalyticsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: ProjectAccessService,
    private readonly dictionaries: DictionariesService,
    private readonly env: Env,
    private readonly clock: Clock,
  ) {}

  /** Today in the park's time zone. */
  today(): string {
    return toZonedDate(this.clock.now(), this.env.TZ_PARK);
  }

  async funnel(actor: Actor, query: AnalyticsQueryDto, language: Language): Promise<FunnelView> {
    const period = resolvePeriod(query, this.today());
    const projects = this.projectCondition(actor, query);
    const plan = rollupPlan(period);
    const scope = await this.rollupScope(actor, query, plan, { ownerId: true });
    const ownerId = scope ? query.ownerId ?? null : null;
    const totals = rollupTotals(ownerId);
    // the days and exits come from the stays rollup for whole months only (it has no per-project edges)
    const staysRolledUp = scope !== null && plan.edges.length === 0;
    const params = { ...projects.params, ...this.periodParams(period), ...(scope ? { ...scope.params, ...rollupParams(plan), ...totals.params } : {}) };
    const [stageRows, rolledUpStays, snapshotRows, [leadRow]] = await Promise.all([
      runAnalytics<FunnelStageRow>(this.db, funnelStagesSql(projects, scope ? rollupFunnelEnteredSql(scope, projects, plan, totals) : undefined, !staysRolledUp), params, { parallel: false }),
      staysRolledUp ? funnelDurationsFromRollup(this.db, { scope: scope!, ownerId, plan, params }) : null,
      runAnalytics<SnapshotRow>(this.db, scope ? rollupSnapshotSql(scope, totals) : snapshotSql(projects), params, { parallel: !scope }),
      (async () => {
        const leads = this.leadCondition(actor, query);
        return runNamed<LeadFunnelRow>(this.db, leadFunnelSql(leads), { ...leads.params, ...this.periodParams(period) });
      })(),
    ]);
    const snapshotStages: Stage[] = [...PIPELINE_STAGES, 'on_hold'];
    const snapshot = new Map(snapshotRows.map((row) => [row.stage, row]));
    return {
      period,
      leads: {
        received: leadRow.received,
        converted: leadRow.converted,
        rejected: leadRow.rejected,
        conversionRate: ratio(leadRow.converted, leadRow.received),
        medianDaysToScreen: roundDays(leadRow.median_days_to_screen),
      },
      stages: stageRows.map((row) => ({ ...row, ...rolledUpStays?.get(row.level) })).map((row) => ({
        stage: row.stage as PipelineStage,
        label: STAGE_LABELS[row.stage as PipelineStage][language],
        entered: row.entered,
        totalInvestment: Number(row.total_investment),
        conversionToNext: row.entered_next === null ? null : ratio(row.entered_next, row.entered),
        medianDays: roundDays(row.median_days),
        p90Days: roundDays(row.p90_days),
        dropped: row.dropped,
        onHold: row.on_hold,
      })),
      snapshot: snapshotStages.map((stage): SnapshotStageView => ({
        stage,
        label: STAGE_LABELS[stage][language],
        count: snapshot.get(stage)?.count ?? 0,
        totalInvestment: Number(snapshot.get(stage)?.total_investment ?? 0),
      })),
      definitions: definitionsIn(FUNNEL_DEFINITIONS, language),
    };
  }

  async kpis(actor: Actor, query: AnalyticsQueryDto, language: Language): Promise<KpisView> {
    const period = resolvePeriod(query, this.today());
    const previousPeriod = previousYearPeriod(period);
    const projects = this.projectCondition(actor, query);
    const [rows, [previousRow]] = await Promise.all([
      this.kpiRows(actor, query, projects, period, true),
      this.kpiRows(actor, query, projects, previousPeriod, false),
    ]);
    const total = rows.find((row) => row.dimension === 'total')!;
    const current: PeriodFiguresView = { period, ...toFigures(total) };
    const previous: PeriodFiguresView = { period: previousPeriod, ...toFigures(previousRow) };
    return {
      ...current,
      definitions: definitionsIn(KPI_DEFINITIONS, language),
      breakdowns: await this.breakdowns(rows, language),
      previous,
      yearOnYear: {
        active: { count: growth(current.active.count, previous.active.count), totalInvestment: growth(current.active.totalInvestment, previous.active.totalInvestment) },
        landed: { count: growth(current.landed.count, previous.landed.count), totalInvestment: growth(current.landed.totalInvestment, previous.landed.totalInvestment) },
        entered: Object.fromEntries(ENTERED_KEYS.map((key) => [key, growth(current.entered[key], previous.entered[key])])) as Record<EnteredKey, number | null>,
        fundsInPlace: growth(current.fundsInPlace, previous.fundsInPlace),
      },
    };
  }

  /** The KPI figures of one period without breakdowns: what the briefing is written from. */
  async kpiFigures(actor: Actor, filters: AnalyticsFiltersDto, period: Period): Promise<KpiFigures> {
    const projects = this.projectCondition(actor, filters);
    const [row] = await this.kpiRows(actor, filters, projects, period, false);
    return { period, ...toFigures(row) };
  }

  /**
   * kpiSql's rows for one period: from the rollup when the caller's projects are a park subtree (rollupScope),
   * else per project (an owner's or a leader's projects read their funds per project: kpiSql's `fewProjects`).
   */
  private async kpiRows(actor: Actor, filters: AnalyticsFiltersDto, projects: SqlCondition, period: Period, breakdowns: boolean): Promise<KpiRow[]> {
    const params = { ...projects.params, ...this.periodParams(period) };
    const plan = rollupPlan(period);
    const scope = await this.rollupScope(actor, filters, plan);
    if (scope) {
      return runAnalytics<KpiRow>(this.db, rollupKpiSql(scope, projects, plan, breakdowns), { ...params, ...scope.params, ...rollupParams(plan) }, { parallel: false });
    }
    const few = fewProjects(filters);
    return runAnalytics<KpiRow>(this.db, kpiSql(projects, breakdowns, few), params, { parallel: !few });
  }

  /**
   * The park condition (alias `r`) under which the caller's figures are those of the rollup (migration
   * AnalyticsRollup), or null for the per-project path: managers and admins (who read every live project of
   * their park subtree, confidential ones included) with no filter but `parkId`, while TZ_PARK is the time zone
   * the rollup was bucketed in; with `allow.ownerId` (the funnel, whose rollups have an owner dimension) also one
   * officer's projects, for whole months. Officers and leaders (the confidential rule) and every other filter read
   * per project.
   * A period that is not whole months reads its edge days per project (tens of thousands of heap rows at 1M
   * projects): measured cheaper than the per-project path for all parks only (bench/notes/analytics.md), so a
   * park-scoped caller reads such a period per project.
   */
  private async rollupScope(actor: Actor, filters: AnalyticsFiltersDto, plan: RollupPlan, allow: { ownerId?: boolean } = {}): Promise<SqlCondition | null> {
    if (!isManagerOrAdmin(actor)) return null;
    if (filters.industry || filters.channel || filters.originRegion || filters.leaderId) return null;
    if (filters.ownerId && !(allow.ownerId && plan.edges.length === 0)) return null;
    const wholeMonths = plan.edges.length === 0 && plan.later.edge === null;
    if (!wholeMonths && (actor.parkIds !== null || filters.parkId)) return null;
    if ((await this.rollupTimeZone()) !== this.env.TZ_PARK) return null;
    const scope = parkScope(actor, 'r.park_id');
    if (!filters.parkId) return scope;
    const subtree = parkSubtreeFilter('r.park_id', filters.parkId, 'fPark');
    return { sql: `${scope.sql} AND ${subtree.sql}`, params: { ...scope.params, ...subtree.params } };
  }

  private rollupZone?: Promise<string | null>;

  /** The time zone the rollup is bucketed in (fixed when it was written); null without a rollup. */
  private rollupTimeZone(): Promise<string | null> {
    this.rollupZone ??= runNamed<{ time_zone: string }>(this.db, `SELECT time_zone FROM analytics_rollup_settings`, {})
      .then(([row]) => row?.time_zone ?? null, () => null);
    return this.rollupZone;
  }

  /**
   * The weekly dispatch list (每周调度) from the shared query (libs/db buildDispatchList, also used for the
   * Monday e-mail), scoped to the caller's parks and the `parkId` subtree, then narrowed to the projects the
   * caller may read (confidential ones only for their team) and to `ownerId`.
   */
  async dispatch(actor: Actor, query: DispatchQueryDto): Promise<DispatchListView> {
    const me = (id?: string) => (id === 'me' ? actor.id : id);
    let parkIds: string[] | null = actor.parkIds;
    if (query.parkId) {
      const subtree = parkSubtreeFilter('p.id', query.parkId);
      const rows = await runNamed<{ id: string }>(this.db, `SELECT p.id FROM parks p WHERE ${subtree.sql}`, subtree.params);
      parkIds = rows.map((row) => row.id).filter((id) => actor.parkIds === null || actor.parkIds.includes(id));
    }
    const leaderId = me(query.leaderId);
    const list = await buildDispatchList(this.db, {
      parkIds,
      asOf: this.clock.now(),
      timeZone: this.env.TZ_PARK,
      leaderIds: leaderId ? [leaderId] : undefined,
    });
    const ids = list.groups.flatMap((group) => group.projects.map((project) => project.id));
    if (!ids.length) return list;
    const readable = this.access.readableCondition(actor, 'p');
    const ownerId = me(query.ownerId);
    const visible = new Set((await runNamed<{ id: string }>(
      this.db,
      `SELECT p.id FROM projects p WHERE p.id = ANY(:dispatchIds) AND ${readable.sql}${ownerId ? ' AND p.owner_id = :dispatchOwner' : ''}`,
      { ...readable.params, dispatchIds: ids, dispatchOwner: ownerId },
    )).map((row) => row.id));
    const groups = list.groups
      .map((group) => ({ ...group, projects: group.projects.filter((project) => visible.has(project.id)) }))
      .filter((group) => group.projects.length > 0);
    const projects = groups.flatMap((group) => group.projects);
    return { ...list, groups, projectCount: projects.length, itemCount: projects.reduce((sum, project) => sum + project.items.length, 0) };
  }

  // ——— conditions ———

  /** The projects the caller may read (park scope, live, confidential rule) that pass the filters, on alias `p`. */
  private projectCondition(actor: Actor, filters: AnalyticsFiltersDto): SqlCondition {
    const readable = this.access.readableCondition(actor, 'p');
    const parts = [readable.sql];
    const params: Record<string, unknown> = { ...readable.params };
    const me = (id: string) => (id === 'me' ? actor.id : id);
    if (filters.industry) (parts.push('p.industry = :fIndustry'), (params.fIndustry = filters.industry));
    if (filters.channel) (parts.push('p.channel = :fChannel'), (params.fChannel = filters.channel));
    if (filters.originRegion) (parts.push('p.origin_region = :fRegion'), (params.fRegion = filters.originRegion));
    if (filters.ownerId) (parts.push('p.owner_id = :fOwner'), (params.fOwner = me(filters.ownerId)));
    if (filters.leaderId) (parts.push('p.leader_id = :fLeader'), (params.fLeader = me(filters.leaderId)));
    if (filters.parkId) {
      const subtree = parkSubtreeFilter('p.park_id', filters.parkId, 'fPark');
      parts.push(subtree.sql);
      Object.assign(params, subtree.params);
    }
    return { sql: parts.join(' AND '), params };
  }

  /**
   * The leads the caller may see (as LeadsService decides: managers and admins their park subtree, others the
   * leads they reported or were assigned) that pass the filters, on alias `l`; `ownerId` is the assignee.
   */
  private leadCondition(actor: Actor, filters: AnalyticsFiltersDto): SqlCondition {
    const scope = parkScope(actor, 'l.park_id');
    const parts = [scope.sql];
    const params: Record<string, unknown> = { ...scope.params };
    if (!isManagerOrAdmin(actor)) {
      parts.push('(l.reported_by_id = :leadViewer OR l.assignee_id = :leadViewer)');
      params.leadViewer = actor.id;
    }
    const me = (id: string) => (id === 'me' ? actor.id : id);
    if (filters.industry) (parts.push('l.industry = :fIndustry'), (params.fIndustry = filters.industry));
    if (filters.channel) (parts.push('l.channel = :fChannel'), (params.fChannel = filters.channel));
    if (filters.originRegion) (parts.push('l.origin_region = :fRegion'), (params.fRegion = filters.originRegion));
    if (filters.ownerId) (parts.push('l.assignee_id = :fOwner'), (params.fOwner = me(filters.ownerId)));
    if (filters.parkId) {
      const subtree = parkSubtreeFilter('l.park_id', filters.parkId, 'fPark');
      parts.push(subtree.sql);
      Object.assign(params, subtree.params);
    }
    return { sql: parts.join(' AND '), params };
  }

  private periodParams(period: Period): Record<string, unknown> {
    return { periodFrom: period.from, periodTo: period.to, tz: this.env.TZ_PARK };
  }

  private async breakdowns(rows: KpiRow[], language: Language): Promise<BreakdownsView> {
    const [industries, channels, regions] = await Promise.all([
      this.dictionaries.labels('industries', language),
      this.dictionaries.labels('channels', language),
      this.dictionaries.labels('regions', language),
    ]);
    const labelOf = (dimension: BreakdownDimension, row: KpiRow): string => {
      if (row.group_key === null) return NOT_GIVEN[language];
      switch (dimension) {
        case 'industry': return industries.get(row.group_key) ?? row.group_key;
        case 'channel': return channels.get(row.group_key) ?? row.group_key;
        case 'originRegion': return regions.get(row.group_key) ?? row.group_key;
        case 'owner': return row.owner_name ?? row.group_key;
      }
    };
    const result = Object.fromEntries(BREAKDOWN_DIMENSIONS.map((d) => [d, [] as BreakdownItemView[]])) as unknown as BreakdownsView;
    for (const row of rows) {
      if (row.dimension === 'total') continue;
      result[row.dimension].push({ key: row.group_key, label: labelOf(row.dimension, row), ...toFigures(row) });
    }
    return result;
  }
}

/** Filters that narrow the figures to one officer's projects (an owner or a leader): see kpiSql's `fewProjects`. */
function fewProjects(filters: AnalyticsFiltersDto): boolean {
  return !!(filters.ownerId || filters.leaderId);
}

/** One row of kpiSql as the API's figures (amounts come back as numeric text: read as numbers). */
function toFigures(row: KpiRow): KpiFiguresView {
  const entered = Object.fromEntries(ENTERED_KEYS.map((key) => [key, Number(row.entered[key])])) as Record<EnteredKey, number>;
  return {
    active: { count: row.active_count, totalInvestment: Number(row.active_investment), over100m: row.over100m, over50m: row.over50m },
    inContact: { count: row.in_contact_count, totalInvestment: Number(row.in_contact_investment) },
    landed: { count: row.landed_count, totalInvestment: Number(row.landed_investment) },
    entered,
    enteredInvestment: Object.fromEntries(ENTERED_KEYS.map((key) => [key, Number(row.entered_investment[key])])) as Record<EnteredKey, number>,
    fundsInPlace: Number(row.funds_in_place),
    ...rates(entered, { startRate: Number(row.went_on.startRate), productionRate: Number(row.went_on.productionRate) }),
  };
}
