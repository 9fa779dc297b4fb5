import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The stays and exits of one officer (`ownerId`) or one leader (`leaderId`) were covering for the period and the
 * figures but not for the caller's scope: every analytics condition carries the visibility of
 * ProjectAccessService.readableCondition (`park_id = ANY(…)`, and for officers and leaders the confidential rule on
 * `confidential`, `owner_id`, `leader_id`, `assistant_ids`), so PostgreSQL read each stay from the heap (a bitmap heap
 * scan of 30,000 random pages for the busiest officer's funnel at 1M projects, about 0.4 s of its 0.5 s). The same
 * indexes again, with the scope columns included, as the facts' covering indexes already have them: index-only.
 * Hand-written: the entities mark them `synchronize: false`.
 */
const SCOPE = `"park_id", "confidential", "owner_id", "leader_id", "assistant_ids"`;

export class AnalyticsScopeCoveringIndexes1795596000001 implements MigrationInterface {
  name = 'AnalyticsScopeCoveringIndexes1795596000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.replace(queryRunner, `, ${SCOPE}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await this.replace(queryRunner, '');
  }

  private async replace(queryRunner: QueryRunner, scope: string): Promise<void> {
    const indexes: [name: string, definition: string][] = [
      ['IDX_project_stage_spans_owner_ended_cover', `("owner_id", "ended_at") INCLUDE ("started_at", "stage", "level", "standing_level", "project_id"${scope}) WHERE "deleted_at" IS NULL AND "ended_at" IS NOT NULL`],
      ['IDX_project_stage_spans_owner_exits', `("owner_id", "started_at") INCLUDE ("stage", "from_stage", "project_id"${scope}) WHERE "deleted_at" IS NULL AND "level" IS NULL`],
      ['IDX_project_stage_spans_leader_ended_cover', `("leader_id", "ended_at") INCLUDE ("started_at", "stage", "level", "standing_level", "project_id"${scope}) WHERE "deleted_at" IS NULL AND "ended_at" IS NOT NULL AND "leader_id" IS NOT NULL`],
      ['IDX_project_stage_spans_leader_exits', `("leader_id", "started_at") INCLUDE ("stage", "from_stage", "project_id"${scope}) WHERE "deleted_at" IS NULL AND "level" IS NULL AND "leader_id" IS NOT NULL`],
    ];
    for (const [name, definition] of indexes) {
      await queryRunner.query(`DROP INDEX "public"."${name}"`);
      await queryRunner.query(`CREATE INDEX "${name}" ON "project_stage_spans" ${definition}`);
    }
  }
}
