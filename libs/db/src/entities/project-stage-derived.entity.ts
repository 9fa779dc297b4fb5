import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Channel, Stage } from '@zs/domain';
import { Project } from './project.entity';

/*
 * Derived from the stage history for the analytics (funnel, KPIs, briefing), kept by PostgreSQL triggers in the
 * same transaction as every write to `project_stage_changes` and to the copied project columns (migration
 * 1795591000001-ProjectStageDerived): never written by the application, never out of step, whichever code path
 * (transitions, lead conversion, the Excel import, the demo loader, set-based SQL) wrote the history.
 *
 * Both tables carry copies of the project columns that scope and filter the analytics under the projects'
 * own column names, so that ProjectAccessService.readableCondition and the filters apply to them unchanged.
 */

/** Project columns copied onto the derived rows (kept equal by the `projects` update trigger). */
abstract class ProjectScopeCopy {
  @Column({ type: 'uuid' }) parkId: string;
  @Column({ type: 'uuid' }) ownerId: string;
  @Column({ type: 'uuid', nullable: true }) leaderId: string | null;
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) assistantIds: string[];
  @Column({ type: 'boolean', default: false }) confidential: boolean;
  @Column({ type: 'timestamptz', nullable: true }) deletedAt: Date | null;
  @Column({ type: 'varchar', length: 64 }) industry: string;
  @Column({ type: 'varchar', length: 32 }) channel: Channel;
  @Column({ type: 'varchar', length: 64, nullable: true }) originRegion: string | null;
  @Column({ type: 'numeric', precision: 14, scale: 2 }) totalInvestment: string;
}

/**
 * One row per project: the first time it reached each pipeline level or one beyond it (`reached_0` intention …
 * `reached_6` production; a skip reaches the skipped levels with the same move, a second reach after a backward
 * move or a reactivation is no first time), and where it stands after its last move.
 */
@Entity('project_stage_facts')
@Index('IDX_project_stage_facts_park', ['parkId'])
// partial covering indexes of the analytics (migration 1795591000002-AnalyticsCoveringIndexes)
@Index('IDX_project_stage_facts_reached_0', { synchronize: false })
@Index('IDX_project_stage_facts_reached_1', { synchronize: false })
@Index('IDX_project_stage_facts_reached_2', { synchronize: false })
@Index('IDX_project_stage_facts_reached_3', { synchronize: false })
@Index('IDX_project_stage_facts_reached_4', { synchronize: false })
@Index('IDX_project_stage_facts_reached_5', { synchronize: false })
@Index('IDX_project_stage_facts_reached_6', { synchronize: false })
@Index('IDX_project_stage_facts_owner_cover', { synchronize: false })
@Index('IDX_project_stage_facts_leader_cover', { synchronize: false }) // 1795591000003-AnalyticsLeaderIndexes
export class ProjectStageFacts extends ProjectScopeCopy {
  @PrimaryColumn({ type: 'uuid' }) projectId: string;
  @Column({ name: 'reached_0', type: 'timestamptz', nullable: true }) reached0: Date | null;
  @Column({ name: 'reached_1', type: 'timestamptz', nullable: true }) reached1: Date | null;
  @Column({ name: 'reached_2', type: 'timestamptz', nullable: true }) reached2: Date | null;
  @Column({ name: 'reached_3', type: 'timestamptz', nullable: true }) reached3: Date | null;
  @Column({ name: 'reached_4', type: 'timestamptz', nullable: true }) reached4: Date | null;
  @Column({ name: 'reached_5', type: 'timestamptz', nullable: true }) reached5: Date | null;
  @Column({ name: 'reached_6', type: 'timestamptz', nullable: true }) reached6: Date | null;
  /** The last move's `to` stage (none: no history). */
  @Column({ type: 'varchar', length: 20, nullable: true }) standingStage: Stage | null;
  /** The pipeline level it stands at: on hold / dropped count where the stage they left belongs. */
  @Column({ type: 'smallint', nullable: true }) standingLevel: number | null;
  @Column({ type: 'timestamptz', nullable: true }) lastMoveAt: Date | null;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'project_id' }) project?: Project;
}

/**
 * One row per history entry: the stay it opened, `[started_at, ended_at)` up to the project's next move (in
 * `occurred_at`, then `created_at` order; NULL while it lasts), with the levels that move reached for the
 * first time (`reach_from` … `reach_to`, NULL when none).
 */
@Entity('project_stage_spans')
@Index('IDX_project_stage_spans_project', ['projectId', 'startedAt'])
// partial covering indexes of the analytics (migration 1795591000002-AnalyticsCoveringIndexes)
@Index('IDX_project_stage_spans_ended_cover', { synchronize: false })
@Index('IDX_project_stage_spans_owner_ended_cover', { synchronize: false }) // scope columns included: 1795596000001-AnalyticsScopeCoveringIndexes
@Index('IDX_project_stage_spans_exits', { synchronize: false })
@Index('IDX_project_stage_spans_owner_exits', { synchronize: false })
@Index('IDX_project_stage_spans_leader_ended_cover', { synchronize: false }) // 1795591000003-AnalyticsLeaderIndexes
@Index('IDX_project_stage_spans_leader_exits', { synchronize: false })
@Index('IDX_project_stage_spans_started_live', { synchronize: false }) // 1795595000001-AnalyticsRollup (standing at an end of period inside a month)
export class ProjectStageSpan extends ProjectScopeCopy {
  /** The history entry (project_stage_changes.id) that opened the stay. */
  @PrimaryColumn({ type: 'uuid' }) changeId: string;
  @Column({ type: 'uuid' }) projectId: string;
  @Column({ type: 'varchar', length: 20 }) stage: Stage;
  @Column({ type: 'varchar', length: 20, nullable: true }) fromStage: Stage | null;
  /** Pipeline level of `stage`; NULL for on_hold / dropped. */
  @Column({ type: 'smallint', nullable: true }) level: number | null;
  @Column({ type: 'smallint', nullable: true }) standingLevel: number | null;
  @Column({ type: 'timestamptz' }) startedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) endedAt: Date | null;
  @Column({ type: 'smallint', nullable: true }) reachFrom: number | null;
  @Column({ type: 'smallint', nullable: true }) reachTo: number | null;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'project_id' }) project?: Project;
}
