import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * `GET /api/projects?q=` matches the project's name OR its (live) company's name. It used to be a union of two
 * keyset pages, the company one looking a company up for every project it walked (~3,600 for 锂业 at 1M). Now
 * each project carries both names for search, so that `q` is one walk or one bitmap over projects:
 * - `search_bigrams`: the union of the project's `name_bigrams` and its company's (both filled in TypeScript by
 *   `nameBigrams` of @zs/domain on every write path; reusing them keeps one definition of a bigram), GIN-indexed;
 * - `search_text`: lower(project name) || U+001F || lower(company name), for the substring confirmation
 *   (`strpos(search_text, lower(q)) > 0`); the separator keeps a match from spanning both names (project-list.ts
 *   falls back to the two names when q itself holds it).
 * A soft-deleted company contributes nothing: the list never showed or matched a deleted company's name.
 *
 * Triggers keep both columns whoever writes (ProjectsService, lead conversion, the Excel import, the demo loader,
 * SQL): BEFORE INSERT / UPDATE OF name, name_bigrams, company_id on projects; AFTER UPDATE OF name, name_bigrams,
 * deleted_at on companies (a rename rewrites its projects' columns). A project that is inserted or moved to a
 * company takes a share lock on that company row, so that a concurrent rename of it either waits for the project's
 * transaction (and then sees the project) or is seen by it; a project renamed under the same company needs no
 * lock (a concurrent rename of the company waits for the project's row and re-evaluates it).
 * The bench generator loads with triggers off and fills the columns with the same functions (projects.sql.ts).
 */

const SEARCH_FUNCTIONS = `
CREATE FUNCTION project_search_bigrams(project_bigrams text[], company_bigrams text[]) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY(SELECT DISTINCT g FROM unnest(coalesce(project_bigrams, '{}') || coalesce(company_bigrams, '{}')) g)
$$;
CREATE FUNCTION project_search_text(project_name text, company_name text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(project_name) || E'\\x1f' || coalesce(lower(company_name), '')
$$`;

const TRIGGERS = `
CREATE FUNCTION projects_search_columns() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE company_name text; company_bigrams text[];
BEGIN
  IF TG_OP = 'INSERT' OR NEW.company_id IS DISTINCT FROM OLD.company_id THEN
    SELECT c.name, c.name_bigrams INTO company_name, company_bigrams FROM companies c
     WHERE c.id = NEW.company_id AND c.deleted_at IS NULL FOR SHARE;
  ELSE
    SELECT c.name, c.name_bigrams INTO company_name, company_bigrams FROM companies c
     WHERE c.id = NEW.company_id AND c.deleted_at IS NULL;
  END IF;
  NEW.search_bigrams := project_search_bigrams(NEW.name_bigrams, company_bigrams);
  NEW.search_text := project_search_text(NEW.name, company_name);
  RETURN NEW;
END $$;
CREATE TRIGGER projects_search_columns BEFORE INSERT OR UPDATE OF name, name_bigrams, company_id ON projects
  FOR EACH ROW EXECUTE FUNCTION projects_search_columns();
CREATE FUNCTION companies_search_columns() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE projects p
     SET search_bigrams = project_search_bigrams(p.name_bigrams, CASE WHEN NEW.deleted_at IS NULL THEN NEW.name_bigrams END),
         search_text = project_search_text(p.name, CASE WHEN NEW.deleted_at IS NULL THEN NEW.name END)
   WHERE p.company_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER companies_search_columns AFTER UPDATE OF name, name_bigrams, deleted_at ON companies FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.name_bigrams IS DISTINCT FROM NEW.name_bigrams
        OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL))
  EXECUTE FUNCTION companies_search_columns()`;

export class ProjectSearchColumns1795594000001 implements MigrationInterface {
  name = 'ProjectSearchColumns1795594000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET LOCAL maintenance_work_mem = '512MB'`);
    await queryRunner.query(`SET LOCAL work_mem = '256MB'`);
    await queryRunner.query(`ALTER TABLE "projects" ADD "search_bigrams" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "projects" ADD "search_text" text NOT NULL DEFAULT ''`);
    await queryRunner.query(SEARCH_FUNCTIONS);
    // backfill in one statement (a hash join at 1M projects), before the GIN index is built
    await queryRunner.query(`UPDATE projects p
       SET search_bigrams = project_search_bigrams(p.name_bigrams, CASE WHEN c.deleted_at IS NULL THEN c.name_bigrams END),
           search_text = project_search_text(p.name, CASE WHEN c.deleted_at IS NULL THEN c.name END)
      FROM companies c WHERE c.id = p.company_id`);
    await queryRunner.query(`CREATE INDEX "IDX_projects_search_bigrams" ON "projects" USING gin ("search_bigrams")`);
    await queryRunner.query(TRIGGERS);
    await queryRunner.query(`ANALYZE projects`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER companies_search_columns ON companies`);
    await queryRunner.query(`DROP TRIGGER projects_search_columns ON projects`);
    await queryRunner.query(`DROP FUNCTION companies_search_columns()`);
    await queryRunner.query(`DROP FUNCTION projects_search_columns()`);
    await queryRunner.query(`DROP INDEX "public"."IDX_projects_search_bigrams"`);
    await queryRunner.query(`DROP FUNCTION project_search_text(text, text)`);
    await queryRunner.query(`DROP FUNCTION project_search_bigrams(text[], text[])`);
    await queryRunner.query(`ALTER TABLE "projects" DROP COLUMN "search_text"`);
    await queryRunner.query(`ALTER TABLE "projects" DROP COLUMN "search_bigrams"`);
  }
}
