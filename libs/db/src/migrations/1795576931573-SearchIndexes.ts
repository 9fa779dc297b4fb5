import { MigrationInterface, QueryRunner } from 'typeorm';

const GIN_INDEXES: [name: string, table: string, expression: string][] = [
  // `q` search: arrays of character bigrams serve two-character Chinese terms (锂业, 纺织) that trigrams cannot
  ['IDX_companies_name_bigrams', 'companies', '"name_bigrams"'],
  ['IDX_projects_name_bigrams', 'projects', '"name_bigrams"'],
  ['IDX_leads_name_bigrams', 'leads', '"name_bigrams"'],
  // duplicate check: trigram similarity of normalised names
  ['IDX_companies_name_norm_trgm', 'companies', '"name_norm" gin_trgm_ops'],
  ['IDX_projects_name_trgm', 'projects', '"name" gin_trgm_ops'],
  ['IDX_leads_company_name_norm_trgm', 'leads', '"company_name_norm" gin_trgm_ops'],
  // team membership of a project
  ['IDX_projects_assistant_ids', 'projects', '"assistant_ids"'],
];

/** Written by hand, as TypeORM cannot express GIN operator classes; the entities mark them `synchronize: false`. */
export class SearchIndexes1795576931573 implements MigrationInterface {
  name = 'SearchIndexes1795576931573';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    for (const [name, table, expression] of GIN_INDEXES) {
      await queryRunner.query(`CREATE INDEX "${name}" ON "${table}" USING gin (${expression})`);
    }
    // Failed-login counters in rate-limiter-flexible's RateLimiterPostgres layout, shared by every API process.
    await queryRunner.query(`CREATE TABLE "login_failures" ("key" varchar(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "login_failures"`);
    for (const [name] of GIN_INDEXES) await queryRunner.query(`DROP INDEX "public"."${name}"`);
  }
}
