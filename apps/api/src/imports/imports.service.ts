import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, Env } from '@zs/config';
import { FieldChange, Project, StageChange } from '@zs/db';
import {
  CHANNELS, checkCreditCode, DomainError, ErrorCode, isOneOf, normalizeCreditCode, planTransition, toZonedDate, validationError,
  type AgreementKind, type Channel, type FieldIssue, type PipelineStage, type Stage,
} from '@zs/domain';
import { isISO31661Alpha2 } from 'class-validator';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Actor, inScope } from '../common/actor';
import { updateWithVersion } from '../common/optimistic-update';
import { CompaniesService } from '../companies/companies.service';
import { DictionariesService } from '../dictionaries/dictionaries.service';
import {
  CellError, cellValue, checkPreviousStage, columnOf, LEDGER_COLUMNS, readArea, readBool, readBuildType, readDate, readInt, readList, readMoney,
  readStage, readText, type LedgerColumn,
} from '../exports/project-ledger.layout';
import type { CreateProjectDto } from '../projects/dto/project.dto';
import { ProjectsService } from '../projects/projects.service';
import type { ImportErrorView, ImportReportView } from './import-report.view';
import { isIssueList, planLedgerHistory } from './ledger-history';

export const IMPORT_MODES = ['dry-run', 'commit', 'partial'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** More rows than this in one file: import it in parts. */
export const MAX_IMPORT_ROWS = 50_000;

const IMPORT_NOTE = '台账导入 (Excel import)';

type Cell = ReturnType<typeof cellValue>;

/** One ledger row, read and checked cell by cell. */
interface LedgerRow {
  row: number;
  errors: ImportErrorView[];
  /** Values by ledger field; only for the columns the file has. */
  values: Map<string, unknown>;
}

interface RowContext {
  today: string;
  dictionaries: Record<'industries' | 'channels' | 'regions', Map<string, string>>;
}

interface People {
  byUsername: Map<string, string>;
  byName: Map<string, string | null>; // null: several users share the name
}

/**
 * Imports the project ledger (the export's layout). Every row is read and checked cell by cell, then written
 * in one transaction, each row under a savepoint so that one row's failure is reported with its cell and
 * does not disturb the others. dry-run rolls everything back; commit keeps it only if every row is valid;
 * partial keeps the valid rows. A row matches an existing live project by the company's credit code (or,
 * without one, the company's exact name) and the project name: it updates it instead of creating another.
 */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly companies: CompaniesService,
    private readonly projects: ProjectsService,
    private readonly dictionaries: DictionariesService,
    private readonly env: Env,
    private readonly clock: Clock,
  ) {}

  async importProjects(actor: Actor, file: Buffer, mode: ImportMode): Promise<ImportReportView> {
    const today = toZonedDate(this.clock.now(), this.env.TZ_PARK);
    const context: RowContext = { today, dictionaries: await this.dictionaryLookups() };
    const { rows, headerErrors } = await this.readLedger(file, context);
    if (headerErrors.length) {
      for (const row of rows) row.errors.push({ row: row.row, column: null, field: null, message: '表头不完整，无法导入此行 (the header row is incomplete)' });
    }
    const people = await this.people(actor, rows);
    const parks = await this.parks(actor, rows);
    for (const row of rows) this.resolveReferences(row, people, parks);
    this.flagDuplicates(rows);

    let created = 0;
    let updated = 0;
    let unchanged = 0;
    const keep = async (tx: EntityManager) => {
      for (const row of rows) {
        if (row.errors.length) continue;
        await tx.query('SAVEPOINT import_row');
        try {
          const outcome = await this.writeRow(tx, actor, row, today);
          await tx.query('RELEASE SAVEPOINT import_row');
          if (outcome === 'created') created++;
          else {
            updated++;
            if (outcome === 'unchanged') unchanged++;
          }
        } catch (error) {
          await tx.query('ROLLBACK TO SAVEPOINT import_row');
          row.errors.push(...rowErrors(row.row, error));
        }
      }
    };

    const invalidRows = () => rows.filter((row) => row.errors.length > 0).length;
    let committed = false;
    try {
      await this.db.transaction(async (tx) => {
        await keep(tx);
        const keepIt = mode === 'partial' || (mode === 'commit' && invalidRows() === 0 && headerErrors.length === 0);
        if (!keepIt) throw new RollBack();
        committed = true;
      });
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
    }

    const errors = [...headerErrors, ...rows.flatMap((row) => row.errors)];
    const invalid = invalidRows();
    return {
      rows: rows.length,
      valid: rows.length - invalid,
      invalid,
      created,
      updated,
      unchanged,
      committed,
      errors,
    };
  }

  // ——— reading ———

  /** The first worksheet: row 1 the headers (matched by text, any order), then one project per non-empty row. */
  private async readLedger(file: Buffer, context: RowContext): Promise<{ rows: LedgerRow[]; headerErrors: ImportErrorView[] }> {
    const rows: LedgerRow[] = [];
    const headerErrors: ImportErrorView[] = [];
    let columns: Map<number, LedgerColumn> | null = null;
    let first = true;
    try {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(file), {
        worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'emit',
      });
      for await (const worksheet of reader) {
        if (!first) {
          for await (const _row of worksheet) { /* drain the other sheets (the filters sheet) */ }
          continue;
        }
        first = false;
        for await (const row of worksheet) {
          const cells = new Map<number, Cell>();
          row.eachCell({ includeEmpty: false }, (cell, col) => {
            const value = cellValue(cell.value);
            if (value !== null) cells.set(col, value);
          });
          if (!columns) {
            columns = headerColumns(cells, row.number, headerErrors);
            continue;
          }
          if (cells.size === 0) continue;
          if (rows.length >= MAX_IMPORT_ROWS) {
            throw validationError('file', `一次最多导入 ${MAX_IMPORT_ROWS} 行，请分批导入 (at most ${MAX_IMPORT_ROWS} rows per file)`);
          }
          rows.push(readRow(row.number, cells, columns, context));
        }
      }
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw validationError('file', `无法读取 Excel 文件（.xlsx）：${(error as Error).message} (not a readable .xlsx workbook)`);
    }
    if (!columns) throw validationError('file', '文件中没有工作表或表头 (no worksheet or header row)');
    return { rows, headerErrors };
  }

  private async dictionaryLookups(): Promise<RowContext['dictionaries']> {
    const lookup = async (kind: 'industries' | 'channels' | 'regions') => {
      const map = new Map<string, string>();
      for (const entry of await this.dictionaries.entriesOf(kind)) {
        for (const name of [entry.key, entry.labelZh, entry.labelEn]) if (name) map.set(name.normalize('NFKC').toLowerCase(), entry.key);
      }
      return map;
    };
    return { industries: await lookup('industries'), channels: await lookup('channels'), regions: await lookup('regions') };
  }

  // ——— references ———

  /** Active users named by account (username) or, without one, by a name only one of them bears. */
  private async people(actor: Actor, rows: LedgerRow[]): Promise<People> {
    const usernames = new Set<string>();
    const names = new Set<string>();
    for (const row of rows) {
      for (const field of ['ownerId', 'leaderId']) {
        const username = row.values.get(field) as string | null | undefined;
        if (username) usernames.add(username.toLowerCase());
      }
      for (const username of (row.values.get('assistantIds') as string[] | undefined) ?? []) usernames.add(username.toLowerCase());
      for (const field of ['ownerName', 'leaderName']) {
        const name = row.values.get(field) as string | null | undefined;
        if (name) names.add(name);
      }
    }
    const byUsername = new Map<string, string>();
    const byName = new Map<string, string | null>();
    const scope = actor.parkIds;
    if (usernames.size) {
      const found: { id: string; username: string }[] = await this.db.query(
        `SELECT id, username FROM users WHERE lower(username) = ANY($1) AND disabled_at IS NULL`, [[...usernames]],
      );
      for (const user of found) byUsername.set(user.username.toLowerCase(), user.id);
    }
    if (names.size) {
      const found: { id: string; display_name: string }[] = await this.db.query(
        `SELECT id, display_name FROM users WHERE display_name = ANY($1) AND disabled_at IS NULL AND ($2::uuid[] IS NULL OR park_id = ANY($2))`,
        [[...names], scope],
      );
      for (const user of found) byName.set(user.display_name, byName.has(user.display_name) ? null : user.id);
    }
    return { byUsername, byName };
  }

  /** Parks of the caller's subtree by name (null: two parks share it). */
  private async parks(actor: Actor, rows: LedgerRow[]): Promise<Map<string, string | null>> {
    const names = [...new Set(rows.map((row) => row.values.get('parkId') as string | null | undefined).filter((n): n is string => !!n))];
    const byName = new Map<string, string | null>();
    if (!names.length) return byName;
    const found: { id: string; name: string }[] = await this.db.query(`SELECT id, name FROM parks WHERE name = ANY($1) AND deleted_at IS NULL`, [names]);
    for (const park of found.filter((p) => inScope(actor, p.id))) byName.set(park.name, byName.has(park.name) ? null : park.id);
    return byName;
  }

  /** Turns accounts, names and park names into ids; reports each one not found with its cell. */
  private resolveReferences(row: LedgerRow, people: People, parks: Map<string, string | null>): void {
    const fail = (field: string, message: string) => row.errors.push(error(row.row, field, message));
    const person = (accountField: 'ownerId' | 'leaderId', nameField: 'ownerName' | 'leaderName', label: string) => {
      if (!row.values.has(accountField) && !row.values.has(nameField)) return;
      const username = row.values.get(accountField) as string | null;
      const name = row.values.get(nameField) as string | null;
      if (username) {
        const id = people.byUsername.get(username.toLowerCase());
        if (id) row.values.set(accountField, id);
        else fail(accountField, `找不到${label}账号“${username}”或该账号已停用`);
      } else if (name) {
        const id = people.byName.get(name);
        if (id) row.values.set(accountField, id);
        else fail(nameField, id === null ? `有多名用户名为“${name}”，请填写${label}账号` : `找不到${label}“${name}”`);
      } else {
        row.values.set(accountField, null);
      }
    };
    person('ownerId', 'ownerName', '责任人');
    person('leaderId', 'leaderName', '包抓领导');
    if (!row.values.get('ownerId') && !row.errors.some((e) => e.field === 'ownerId' || e.field === 'ownerName')) {
      fail('ownerId', '必须填写责任人账号（或责任人姓名）');
    }
    if (row.values.has('assistantIds')) {
      const ids: string[] = [];
      for (const username of row.values.get('assistantIds') as string[]) {
        const id = people.byUsername.get(username.toLowerCase());
        if (id) ids.push(id);
        else fail('assistantIds', `找不到协办人员账号“${username}”或该账号已停用`);
      }
      row.values.set('assistantIds', ids);
    }
    const parkName = row.values.get('parkId') as string | null | undefined;
    if (parkName) {
      const id = parks.get(parkName);
      if (id) row.values.set('parkId', id);
      else fail('parkId', id === null ? `有多个园区名为“${parkName}”` : `找不到园区“${parkName}”（或不在您的管辖范围内）`);
    } else {
      row.values.delete('parkId');
    }
  }

  /** The same company and project name twice in one file: the later row is reported. */
  private flagDuplicates(rows: LedgerRow[]): void {
    const seen = new Map<string, number>();
    for (const row of rows) {
      const name = row.values.get('name');
      const company = row.values.get('company.creditCode') ?? `name:${row.values.get('company.name')}`;
      if (!name || !company) continue;
      const key = `${company}\u0000${name}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) row.errors.push(error(row.row, 'name', `与第 ${earlier} 行重复（同一企业、同一项目名称）`));
      else seen.set(key, row.row);
    }
  }

  // ——— writing ———

  private async writeRow(tx: EntityManager, actor: Actor, row: LedgerRow, today: string): Promise<'created' | 'updated' | 'unchanged'> {
    const v = row.values;
    const get = <T>(field: string) => v.get(field) as T;
    const parkId = (v.get('parkId') as string | undefined) ?? actor.parkId;
    const companyId = await this.companyFor(tx, actor, row, parkId);
    const [match]: { id: string }[] = await tx.query(
      `SELECT id FROM projects WHERE company_id = $1 AND name = $2 AND deleted_at IS NULL AND ($3::uuid[] IS NULL OR park_id = ANY($3))
        ORDER BY created_at, id LIMIT 1 FOR UPDATE`,
      [companyId, get<string>('name'), actor.parkIds],
    );
    if (match) return this.updateProject(tx, actor, match.id, row, today);

    const history = planLedgerHistory({
      stage: get<Stage>('stage'),
      previousStage: get<Stage | null>('previousStage') ?? null,
      stageEnteredAt: get<string | null>('stageEnteredAt') ?? null,
      createdAt: get<string | null>('createdAt') ?? null,
      landDeliveredOn: get<string | null>('landDeliveredOn') ?? null,
      constructionStartedOn: get<string | null>('constructionStartedOn') ?? null,
      productionStartedOn: get<string | null>('productionStartedOn') ?? null,
    }, today);
    if (isIssueList(history)) throw new DomainError(ErrorCode.Validation, history[0].message, history);

    const dto: CreateProjectDto = {
      name: get('name'), companyId, industry: get('industry'), channel: get('channel'), totalInvestment: get('totalInvestment'), ownerId: get('ownerId'), parkId,
    };
    for (const field of PROJECT_FIELDS) {
      const value = v.get(field);
      if (value !== undefined && value !== null) (dto as unknown as Record<string, unknown>)[field] = value;
    }
    const project = await this.projects.createInTransaction(tx, actor, dto);

    // The ledger's stage, reached through dated history entries (see ledger-history.ts).
    const tz = this.env.TZ_PARK;
    const [creation, ...moves] = history;
    await tx.query(
      `UPDATE project_stage_changes SET occurred_at = ($2::date)::timestamp AT TIME ZONE $3 WHERE project_id = $1`,
      [project.id, creation.on, tz],
    );
    for (const [i, move] of moves.entries()) {
      await tx.query(
        `INSERT INTO project_stage_changes (project_id, from_stage, to_stage, occurred_at, by_id, note, created_at)
         VALUES ($1, $2, $3, ($4::date)::timestamp AT TIME ZONE $5, $6, $7, now() + make_interval(secs => $8::float8 / 1000))`,
        [project.id, move.from, move.to, move.on, tz, actor.id, IMPORT_NOTE, i + 1],
      );
    }
    const last = history[history.length - 1];
    const stage = get<Stage>('stage');
    await tx.query(
      `UPDATE projects SET created_at = ($2::date)::timestamp AT TIME ZONE $5, stage = $3, stage_entered_at = ($4::date)::timestamp AT TIME ZONE $5,
              previous_stage = $6
        WHERE id = $1`,
      [project.id, creation.on, stage, last.on, tz, stage === 'on_hold' || stage === 'dropped' ? get<Stage>('previousStage') : null],
    );
    return 'created';
  }

  /** The row's company: by credit code, else by exact name within the caller's parks; created when missing. */
  private async companyFor(tx: EntityManager, actor: Actor, row: LedgerRow, parkId: string): Promise<string> {
    const v = row.values;
    const creditCode = v.get('company.creditCode') as string | null | undefined;
    const name = v.get('company.name') as string;
    if (creditCode) {
      const [found]: { id: string; park_id: string }[] = await tx.query(
        `SELECT id, park_id FROM companies WHERE credit_code = $1 AND deleted_at IS NULL`, [creditCode],
      );
      if (found && !inScope(actor, found.park_id)) {
        throw validationError('company.creditCode', '该统一社会信用代码已登记在其他园区的企业名下 (the credit code belongs to a company of another park)');
      }
      if (found) return found.id;
    } else {
      const [found]: { id: string }[] = await tx.query(
        `SELECT id FROM companies WHERE name = $1 AND deleted_at IS NULL AND ($2::uuid[] IS NULL OR park_id = ANY($2))
          ORDER BY (credit_code IS NULL) DESC, created_at, id LIMIT 1`,
        [name, actor.parkIds],
      );
      if (found) return found.id;
    }
    const company = await this.companies.createInTransaction(tx, actor, {
      name,
      creditCode: creditCode ?? undefined,
      country: (v.get('company.country') as string | null | undefined) ?? 'CN',
      province: (v.get('company.province') as string | null | undefined) ?? undefined,
      city: (v.get('company.city') as string | null | undefined) ?? undefined,
      industry: v.get('industry') as string,
      parkId,
    }, { fieldPrefix: 'company' });
    return company.id;
  }

  /**
   * Updates a matched project with the ledger's values (the columns the file has; an empty cell clears an
   * optional field). Every change is kept in the project's history; a different stage is a real stage move
   * (the stage machine decides, with the project's agreements and the ledger's dates as evidence).
   */
  private async updateProject(tx: EntityManager, actor: Actor, id: string, row: LedgerRow, today: string): Promise<'updated' | 'unchanged'> {
    const current = await tx.findOneByOrFail(Project, { id });
    const v = row.values;
    const changes: Record<string, unknown> = {};
    for (const field of [...REQUIRED_FIELDS, ...PROJECT_FIELDS]) {
      if (!v.has(field)) continue;
      const next = v.get(field) ?? (field === 'assistantIds' ? [] : field === 'confidential' ? false : null);
      const before = (current as unknown as Record<string, unknown>)[field] ?? (field === 'assistantIds' ? [] : null);
      const same = field === 'assistantIds'
        ? JSON.stringify([...(before as string[])].sort()) === JSON.stringify([...(next as string[])].sort())
        : JSON.stringify(before) === JSON.stringify(next);
      if (!same) changes[field] = next;
    }
    const stage = v.get('stage') as Stage;
    const stageChanged = stage !== current.stage;
    if (!Object.keys(changes).length && !stageChanged) return 'unchanged';

    if (changes.industry) await this.dictionaries.assertKey('industries', changes.industry as string, 'industry');
    if (changes.originRegion) await this.dictionaries.assertKey('regions', changes.originRegion as string, 'originRegion');
    await this.assertPeople(tx, current.parkId, changes);
    const now = this.clock.now();
    if (Object.keys(changes).length) {
      await updateWithVersion(tx, Project, id, current.version, { ...changes, lastActivityAt: now } as Partial<Project>);
      const diffs = Object.entries(changes).map(([field, to]) => ({
        projectId: id, field, fromValue: (current as unknown as Record<string, unknown>)[field] ?? null, toValue: to ?? null, at: now, byId: actor.id,
      }));
      await tx.insert(FieldChange, diffs as QueryDeepPartialEntity<FieldChange>[]);
    }
    if (stageChanged) await this.moveStage(tx, actor, id, row, today);
    return 'updated';
  }

  /** A stage move for a re-imported project, as `POST /projects/:id/transitions` would make it. */
  private async moveStage(tx: EntityManager, actor: Actor, id: string, row: LedgerRow, today: string): Promise<void> {
    const project = await tx.findOneByOrFail(Project, { id });
    const kinds: { kind: AgreementKind }[] = await tx.query(`SELECT DISTINCT kind FROM agreements WHERE project_id = $1 AND deleted_at IS NULL`, [id]);
    const enteredOn = row.values.get('stageEnteredAt') as string | null | undefined;
    const now = this.clock.now();
    let occurredAt: Date = now;
    if (enteredOn && enteredOn < today) {
      const [{ at }]: { at: Date }[] = await tx.query(`SELECT (($1::date)::timestamp AT TIME ZONE $2) AS at`, [enteredOn, this.env.TZ_PARK]);
      // The ledger holds days: a move on the day the current stage began happens just after it.
      occurredAt = at < project.stageEnteredAt && toZonedDate(project.stageEnteredAt, this.env.TZ_PARK) === enteredOn ? project.stageEnteredAt : at;
    }
    const plan = planTransition({
      from: project.stage,
      to: row.values.get('stage') as Stage,
      previousStage: project.previousStage,
      note: IMPORT_NOTE,
      occurredAt,
      now,
      currentStageEnteredAt: project.stageEnteredAt,
      timeZone: this.env.TZ_PARK,
      evidence: {
        agreementKinds: kinds.map((k) => k.kind),
        landDeliveredOn: project.landDeliveredOn,
        constructionStartedOn: project.constructionStartedOn,
        productionStartedOn: project.productionStartedOn,
      },
    });
    const leavingPath = plan.kind === 'hold' || plan.kind === 'drop';
    await updateWithVersion(tx, Project, id, project.version, {
      stage: plan.to,
      stageEnteredAt: plan.occurredAt,
      previousStage: leavingPath ? (project.stage as PipelineStage) : plan.kind === 'reactivate' ? null : project.previousStage,
      lastActivityAt: now,
    });
    await tx.insert(StageChange, { projectId: id, fromStage: plan.from, toStage: plan.to, occurredAt: plan.occurredAt, byId: actor.id, note: IMPORT_NOTE });
  }

  /** People named on a project are active users whose park covers the project's (as ProjectsService checks on PATCH). */
  private async assertPeople(tx: EntityManager, parkId: string, changes: Record<string, unknown>): Promise<void> {
    const people: [string, string][] = [];
    if (changes.ownerId) people.push(['ownerId', changes.ownerId as string]);
    if (changes.leaderId) people.push(['leaderId', changes.leaderId as string]);
    for (const assistant of (changes.assistantIds as string[] | undefined) ?? []) people.push(['assistantIds', assistant]);
    for (const [field, userId] of people) {
      const [ok]: { role: string }[] = await tx.query(
        `SELECT u.role FROM users u JOIN parks up ON up.id = u.park_id JOIN parks pp ON pp.id = $2
          WHERE u.id = $1 AND u.disabled_at IS NULL AND pp.path LIKE up.path || '%'`,
        [userId, parkId],
      );
      if (!ok) throw validationError(field, `${field} 不是本园区的有效用户 (not an active user of the project's park)`);
      if (field === 'leaderId' && !['leader', 'manager', 'admin'].includes(ok.role)) {
        throw validationError('leaderId', '包抓领导须为领导或招商局领导 (the leading official must be a leader or manager)');
      }
    }
  }
}

/** Rolls the import's transaction back (dry-run, or commit with invalid rows). */
class RollBack extends Error {}

/** Fields a project row must give (their cells are checked as required). */
const REQUIRED_FIELDS = ['industry', 'channel', 'totalInvestment', 'ownerId'] as const;

/** The optional project fields the ledger carries. */
const PROJECT_FIELDS = [
  'originRegion', 'fixedAssetInvestment', 'registeredCapital', 'landAreaMu', 'expectedAnnualOutput', 'expectedTax', 'expectedJobs', 'buildType',
  'phase', 'leaderId', 'assistantIds', 'confidential', 'projectCode', 'landDeliveredOn', 'constructionStartedOn', 'completedOn', 'productionStartedOn',
] as const;

function error(row: number, field: string, message: string): ImportErrorView {
  return { row, column: columnOf(field)?.header ?? null, field, message };
}

/** A write's failure as the row's errors, each with its cell when the error names a field. */
function rowErrors(row: number, failure: unknown): ImportErrorView[] {
  if (failure instanceof DomainError) {
    const details: FieldIssue[] = failure.details?.length ? failure.details : [{ field: '', message: failure.message }];
    return details.map((d) => ({ row, column: columnOf(d.field)?.header ?? null, field: d.field || null, message: d.message }));
  }
  const pg = (failure as { driverError?: { code?: string }; code?: string })?.driverError ?? (failure as { code?: string });
  if (typeof pg?.code === 'string' && /^(22|23)/.test(pg.code)) {
    return [{ row, column: null, field: null, message: `数据库拒绝了此行：${(failure as Error).message} (rejected by the database)` }];
  }
  throw failure;
}

/** Maps row 1's headers to the ledger's columns; missing required headers are reported on row 1. */
function headerColumns(cells: Map<number, Cell>, rowNumber: number, errors: ImportErrorView[]): Map<number, LedgerColumn> {
  const byHeader = new Map(LEDGER_COLUMNS.map((column) => [normalizeHeader(column.header), column]));
  const columns = new Map<number, LedgerColumn>();
  for (const [col, value] of cells) {
    const column = byHeader.get(normalizeHeader(String(value)));
    if (column && !column.exportOnly) columns.set(col, column);
  }
  const present = new Set([...columns.values()].map((c) => c.field));
  for (const column of LEDGER_COLUMNS) {
    const required = column.required || column.field === 'ownerId';
    if (required && !present.has(column.field) && !(column.field === 'ownerId' && present.has('ownerName'))) {
      errors.push({ row: rowNumber, column: column.header, field: column.field, message: `缺少“${column.header}”列 (missing column)` });
    }
  }
  return columns;
}

function normalizeHeader(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Reads and checks one data row, cell by cell: every bad cell is reported, not just the first. */
function readRow(rowNumber: number, cells: Map<number, Cell>, columns: Map<number, LedgerColumn>, context: RowContext): LedgerRow {
  const row: LedgerRow = { row: rowNumber, errors: [], values: new Map() };
  for (const [col, column] of columns) {
    const raw = cells.get(col) ?? null;
    try {
      const value = readCell(raw, column, context);
      if (value === null && column.required) throw new CellError(`“${column.header}”为必填项 (required)`);
      row.values.set(column.field, value);
    } catch (failure) {
      if (!(failure instanceof CellError)) throw failure;
      row.errors.push({ row: rowNumber, column: column.header, field: column.field, message: failure.message });
    }
  }
  const name = row.values.get('name') as string | null | undefined;
  if (name && name.length < 2) row.errors.push(error(rowNumber, 'name', '项目名称至少 2 个字符'));
  const stage = row.values.get('stage') as Stage | null | undefined;
  if (stage) {
    const issue = checkPreviousStage(stage, (row.values.get('previousStage') as Stage | null | undefined) ?? null);
    if (issue) row.errors.push(error(rowNumber, issue.field, issue.message));
  }
  return row;
}

function readCell(raw: Cell, column: LedgerColumn, context: RowContext): unknown {
  switch (column.kind) {
    case 'money': return readMoney(raw);
    case 'area': return readArea(raw);
    case 'int': return readInt(raw);
    case 'date': {
      const date = readDate(raw);
      if (date && date > context.today) throw new CellError(`不能晚于今天（${context.today}）`);
      return date;
    }
    case 'bool': return readBool(raw);
    case 'buildType': return readBuildType(raw);
    case 'stage': return readStage(raw);
    case 'people': return column.field === 'assistantIds' ? readList(raw) : readText(raw, { ...column, maxLength: 64 });
    case 'dictionary': {
      const text = readText(raw, column);
      if (text === null) return null;
      const key = context.dictionaries[column.dictionary!].get(text.toLowerCase());
      if (!key) throw new CellError(`未知的${column.header}：${text}`);
      if (column.field === 'channel' && !isOneOf(CHANNELS, key)) throw new CellError(`未知的招商方式：${text}`);
      return key as Channel | string;
    }
    case 'text': {
      const text = readText(raw, column);
      if (column.field === 'company.creditCode' && text !== null) {
        const code = normalizeCreditCode(text);
        const check = checkCreditCode(code);
        if (!check.valid) throw new CellError(`${check.reason} (${check.reasonEn})`);
        return code;
      }
      if (column.field === 'company.country' && text !== null) {
        const country = text.toUpperCase();
        if (!/^[A-Z]{2}$/.test(country) || !isISO31661Alpha2(country)) throw new CellError('国别须为 ISO 3166-1 两位字母代码，如 CN、TR');
        return country;
      }
      return text;
    }
  }
}
