import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Narrow partial indexes for the analytics (apps/api/src/analytics/analytics.queries.ts): each part of the funnel
 * and of the KPIs reads only the rows of its period, as one range scan, index-only for the scope of managers and
 * admins and for one officer's figures. Every analytics condition has `deleted_at IS NULL`
 * (ProjectAccessService.readableCondition), so the partial predicates hold for all callers; park_id is in the
 * all-projects indexes for a manager's park scope and the parkId filter.
 * - `IDX_project_stage_facts_reached_<level>`: first reaches of a pipeline level (`entered`, with the investment);
 * - `IDX_project_stage_facts_owner_cover`: one owner's projects (`ownerId`, an officer's "my projects") with every
 *   column the funnel, the KPIs and the access rule read, replacing the plain owner index;
 * - `IDX_project_stage_spans_ended_cover` / `…_owner_ended_cover`: stays by their end (the funnel's median / p90
 *   of days per stage; the KPIs' stays straddling the end of the period);
 * - `IDX_project_stage_spans_exits` / `…_owner_exits`: moves to on_hold / dropped (`level IS NULL`) by their start.
 * They replace the plain started_at / ended_at / owner indexes of the spans (each history write rewrites a project's spans:
 * fewer indexes, cheaper writes). Hand-written (partial, INCLUDE): the entities mark them `synchronize: false`.
 */
const LEVELS = [0, 1, 2, 3, 4, 5, 6];
const REACHED = LEVELS.map((level) => `"reached_${level}"`).join(', ');

export class AnalyticsCoveringIndexes1795591000002 implements MigrationInterface {
  name = 'AnalyticsCoveringIndexes1795591000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const level of LEVELS) {
      await queryRunner.query(`CREATE INDEX "IDX_project_stage_facts_reached_${level}" ON "project_stage_facts" ("reached_${level}", "park_id") INCLUDE ("total_investment") WHERE "deleted_at" IS NULL AND "reached_${level}" IS NOT NULL`);
    }
    await queryRunner.query(`CREATE INDEX "IDX_project_stage_facts_owner_cover" ON "project_stage_facts" ("owner_id") INCLUDE ("project_id", ${REACHED}, "total_investment", "standing_stage", "standing_level", "last_move_at", "industry", "channel", "origin_region", "park_id", "confidential", "leader_id", "assistant_ids") WHERE "deleted_at" IS NULL`);
    await queryRunner.query(`DROP INDEX "public"."IDX_project_stage_facts_owner"`);
    await queryRunner.query(`CREATE INDEX "IDX_project_stage_spans_ended_cover" ON "project_stage_spans" ("ended_at") INCLUDE ("started_at", "stage", "level", "standing_level", "project_id", "park_id") WHERE "deleted_at" IS NULL AND "ended_at" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_project_stage_spans_owner_ended_cover" ON "project_stage_spans" ("owner_id", "ended_at") INCLUDE ("started_at", "stage", "level", "standing_level", "project_id") WHERE "deleted_at" IS NULL AND "ended_at" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_project_stage_spans_exits" ON "project_stage_spans" ("started_at", "park_id") INCLUDE ("stage", "from_stage", "project_id") WHERE "deleted_at" IS NULL AND "level" IS NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_project_stage_spans_owner_exits" ON "project_stage_spans" ("owner_id", "started_at") INCLUDE ("stage", "from_stage", "project_id") WHERE "deleted_at" IS NULL AND "level" IS NULL`);
    await queryRunner.query(`DROP INDEX "public"."IDX_project_stage_spans_started"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_project_stage_spans_ended"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_project_stage_spans_owner_started"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_project_stage_spans_owner_ended"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_project_stage_spans_owner_ended" ON "project_stage_spans" ("owner_id", "ended_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_project_stage_spans_owner_started" ON "project_stage_spans" ("owner_id", "started_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_project_stage_spans_ended" ON "project_stage_spans" ("ended_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_project_stage_spans_started" ON "project_stage_spans" ("started_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_project_stage_facts_owner" ON "project_stage_facts" ("owner_id") `);
    for (const name of ['spans_owner_exits', 'spans_exits', 'spans_owner_ended_cover', 'spans_ended_cover', 'facts_owner_cover']) {
      await queryRunner.query(`DROP INDEX "public"."IDX_project_stage_${name}"`);
    }
    for (const level of LEVELS) await queryRunner.query(`DROP INDEX "public"."IDX_project_stage_facts_reached_${level}"`);
  }
}
