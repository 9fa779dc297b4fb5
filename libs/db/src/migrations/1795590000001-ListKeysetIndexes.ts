import { MigrationInterface, QueryRunner } from 'typeorm';

const INDEXES: [name: string, table: string, columns: string][] = [
  // managers list across several parks (`park_id = ANY(…)`): the (park_id, created_at, id) index cannot give the
  // newest-first order, each page was a scan and sort of the whole table (as ProjectsKeysetIndex found for projects)
  ['IDX_companies_created_at_id', 'companies', '"created_at", "id"'],
  ['IDX_leads_created_at_id', 'leads', '"created_at", "id"'],
  ['IDX_visits_created_at_id', 'visits', '"created_at", "id"'],
  // list filters that had no index (?industry=, ?channel=, ?country=)
  ['IDX_companies_industry_created_at_id', 'companies', '"industry", "created_at", "id"'],
  ['IDX_companies_country_created_at_id', 'companies', '"country", "created_at", "id"'],
  ['IDX_leads_industry_created_at_id', 'leads', '"industry", "created_at", "id"'],
  ['IDX_leads_channel_created_at_id', 'leads', '"channel", "created_at", "id"'],
];

/** Keyset indexes of the lists that EXPLAIN on generated data found scanning (test/db/query-plans.e2e-spec.ts). */
export class ListKeysetIndexes1795590000001 implements MigrationInterface {
  name = 'ListKeysetIndexes1795590000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, table, columns] of INDEXES) await queryRunner.query(`CREATE INDEX "${name}" ON "${table}" (${columns}) `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of INDEXES) await queryRunner.query(`DROP INDEX "public"."${name}"`);
  }
}
