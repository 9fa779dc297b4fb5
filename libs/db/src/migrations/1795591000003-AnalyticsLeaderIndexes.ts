import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The analytics filtered by 包抓领导 (`leaderId`, a leader's "my projects"), as 1795591000002 did for `ownerId`:
 * a leader has ~50k of 1M projects, and without these the funnel read every stay of the period from the heap
 * (4 s warm at 1M projects on the loaded bench machine). Partial (`deleted_at IS NULL`, as every analytics
 * condition; `leader_id IS NOT NULL`, as the filter implies) and covering (index-only); the facts' covering index
 * replaces the plain leader index. Hand-written: the entities mark them `synchronize: false`.
 */
export class AnalyticsLeaderIndexes1795591000003 implements MigrationInterface {
  name = 'AnalyticsLeaderIndexes1795591000003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_project_stage_facts_leader_cover" ON "project_stage_facts" ("leader_id") INCLUDE ("project_id", "reached_0", "reached_1", "reached_2", "reached_3", "reached_4", "reached_5", "reached_6", "total_investment", "standing_stage", "standing_level", "last_move_at", "industry", "channel", "origin_region", "park_id", "confidential", "owner_id", "assistant_ids") WHERE "deleted_at" IS NULL AND "leader_id" IS NOT NULL`);
    await queryRunner.query(`DROP INDEX "public"."IDX_project_stage_facts_leader"`);
    await queryRunner.query(`CREATE INDEX "IDX_project_stage_spans_leader_ended_cover" ON "project_stage_spans" ("leader_id", "ended_at") INCLUDE ("started_at", "stage", "level", "standing_level", "project_id") WHERE "deleted_at" IS NULL AND "ended_at" IS NOT NULL AND "leader_id" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_project_stage_spans_leader_exits" ON "project_stage_spans" ("leader_id", "started_at") INCLUDE ("stage", "from_stage", "project_id") WHERE "deleted_at" IS NULL AND "level" IS NULL AND "leader_id" IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_project_stage_spans_leader_exits"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_project_stage_spans_leader_ended_cover"`);
    await queryRunner.query(`CREATE INDEX "IDX_project_stage_facts_leader" ON "project_stage_facts" ("leader_id") `);
    await queryRunner.query(`DROP INDEX "public"."IDX_project_stage_facts_leader_cover"`);
  }
}
