import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `GET /api/projects?sort=nextFollowUpAt`: soonest follow-up first, projects without one last, then by id. The
 * btree's ascending order puts NULLs last, which is the list's order, so each keyset page is an index range:
 * `(owner_id, next_follow_up_at, id)` for "my projects by next follow-up" (the workbench's `ownerId=me`),
 * `(next_follow_up_at, id)` for the order over all the projects a manager may read.
 */
export class ProjectsFollowUpIndex1795593000001 implements MigrationInterface {
  name = 'ProjectsFollowUpIndex1795593000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_projects_owner_next_follow_up" ON "projects" ("owner_id", "next_follow_up_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_projects_next_follow_up" ON "projects" ("next_follow_up_at", "id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_projects_next_follow_up"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_projects_owner_next_follow_up"`);
  }
}
