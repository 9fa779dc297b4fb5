import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, Env } from '@zs/config';
import { STAGE_LABELS, toZonedDate } from '@zs/domain';
import ExcelJS from 'exceljs';
import { PassThrough, type Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import type { Page } from '../common/pagination';
import { DictionariesService } from '../dictionaries/dictionaries.service';
import type { ListProjectsQueryDto } from '../projects/dto/project.dto';
import type { ProjectView } from '../projects/project.view';
import { ProjectsService } from '../projects/projects.service';
import type { ExportProjectsQueryDto } from './dto/export-projects.dto';
import {
  AREA_FORMAT, BUILD_TYPE_LABELS, DATE_FORMAT, excelDate, FILTERS_SHEET_NAME, LEDGER_COLUMNS, LEDGER_SHEET_NAME, MONEY_FORMAT, stageLabel, yesNo,
} from './project-ledger.layout';
import { waitForZip } from './xlsx-backpressure';
import { type RawCell, RawRowWriter } from './xlsx-rows';

/** Rows read per keyset page: the export holds two pages of projects (the one written, the next one read). */
export const EXPORT_PAGE_SIZE = 500;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface LedgerExtras {
  id: string;
  credit_code: string | null;
  country: string | null;
  province: string | null;
  city: string | null;
  owner_username: string | null;
  owner_name: string | null;
  leader_username: string | null;
  leader_name: string | null;
  assistant_usernames: string[] | null;
  park_name: string | null;
  stage_entered_on: string;
  created_on: string;
}

interface LedgerPage extends Page<ProjectView> {
  extras: Map<string, LedgerExtras>;
}

export interface LedgerFile {
  stream: Readable;
  filename: string;
}

/**
 * The project ledger (项目台账) as a streamed Excel workbook: the projects of `/api/projects` (same filters,
 * same visibility: its own keyset walk, page after page) written row by row with exceljs's streaming
 * WorkbookWriter, so that memory holds one page whatever the size of the ledger.
 */
@Injectable()
export class ExportsService {
  private readonly logger = new Logger('Exports');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly projects: ProjectsService,
    private readonly dictionaries: DictionariesService,
    private readonly env: Env,
    private readonly clock: Clock,
  ) {}

  async projectLedger(actor: Actor, query: ExportProjectsQueryDto): Promise<LedgerFile> {
    const listQuery: ListProjectsQueryDto = { ...query, limit: EXPORT_PAGE_SIZE };
    // The first page is read before answering, so that a refused filter (deleted=true for a non-admin) is a
    // plain error response and not a broken download.
    const first = await this.projects.list(actor, listQuery);
    const now = this.clock.now();
    const today = toZonedDate(now, this.env.TZ_PARK);
    const stream = new PassThrough();
    void this.write(actor, listQuery, first, stream, now).catch((error: unknown) => {
      this.logger.error({ err: error }, 'ledger export failed while streaming');
      stream.destroy(error as Error);
    });
    return { stream, filename: `项目台账-${today.replace(/-/g, '')}.xlsx` };
  }

  private async write(actor: Actor, query: ListProjectsQueryDto, first: Page<ProjectView>, out: PassThrough, now: Date): Promise<void> {
    const [industries, channels, regions] = await Promise.all([
      this.dictionaries.labels('industries', 'zh'),
      this.dictionaries.labels('channels', 'zh'),
      this.dictionaries.labels('regions', 'zh'),
    ]);
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    workbook.creator = actor.displayName;
    workbook.created = now;
    const sheet = workbook.addWorksheet(LEDGER_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
    // The column styles; the data rows are written by RawRowWriter with these styles' ids (xlsx-rows.ts).
    const styles: Partial<ExcelJS.Style>[] = LEDGER_COLUMNS.map((column) =>
      column.kind === 'money' ? { numFmt: MONEY_FORMAT } : column.kind === 'area' ? { numFmt: AREA_FORMAT } : column.kind === 'date' ? { numFmt: DATE_FORMAT } : {});
    sheet.columns = LEDGER_COLUMNS.map((column, i) => ({ key: column.field, width: column.width, style: { ...styles[i] } }));
    const header = sheet.addRow(LEDGER_COLUMNS.map((column) => column.header));
    header.font = { bold: true };
    header.commit();
    const rows = new RawRowWriter(sheet, workbook, styles, 2);

    let page: Promise<LedgerPage> = this.withExtras(first);
    let count = 0;
    for (;;) {
      const current = await page;
      // the next page is read while this one is written (PostgreSQL works on the other core)
      const next = current.nextCursor ? this.projects.list(actor, { ...query, cursor: current.nextCursor }).then((p) => this.withExtras(p)) : null;
      next?.catch(() => undefined); // awaited below: a failure while this page is written surfaces there
      for (const p of current.items) {
        const x = current.extras.get(p.id);
        const row: Record<string, RawCell> = {
          code: p.code,
          name: p.name,
          'company.name': p.companyName,
          'company.creditCode': x?.credit_code ?? null,
          'company.country': x?.country ?? null,
          'company.province': x?.province ?? null,
          'company.city': x?.city ?? null,
          industry: industries.get(p.industry) ?? p.industry,
          channel: channels.get(p.channel) ?? p.channel,
          originRegion: p.originRegion ? (regions.get(p.originRegion) ?? p.originRegion) : null,
          totalInvestment: p.totalInvestment,
          fixedAssetInvestment: p.fixedAssetInvestment,
          registeredCapital: p.registeredCapital,
          landAreaMu: p.landAreaMu,
          expectedAnnualOutput: p.expectedAnnualOutput,
          expectedTax: p.expectedTax,
          expectedJobs: p.expectedJobs,
          buildType: p.buildType ? BUILD_TYPE_LABELS[p.buildType] : null,
          phase: p.phase,
          stage: stageLabel(p.stage),
          previousStage: p.stage === 'on_hold' || p.stage === 'dropped' ? stageLabel(p.previousStage) : null,
          stageEnteredAt: excelDate(x?.stage_entered_on ?? null),
          createdAt: excelDate(x?.created_on ?? null),
          landDeliveredOn: excelDate(p.landDeliveredOn),
          constructionStartedOn: excelDate(p.constructionStartedOn),
          completedOn: excelDate(p.completedOn),
          productionStartedOn: excelDate(p.productionStartedOn),
          ownerName: x?.owner_name ?? null,
          ownerId: x?.owner_username ?? null,
          leaderName: x?.leader_name ?? null,
          leaderId: x?.leader_username ?? null,
          assistantIds: x?.assistant_usernames?.length ? x.assistant_usernames.join('、') : null,
          confidential: yesNo(p.confidential),
          projectCode: p.projectCode,
          parkId: x?.park_name ?? null,
        };
        rows.write(LEDGER_COLUMNS.map((column) => row[column.field]));
      }
      count += current.items.length;
      // Backpressure on both the zip entry and the download, so that memory holds about one page whatever the
      // size of the ledger and however slow the reader.
      await waitForZip(sheet, out);
      if (out.destroyed) return; // the client went away
      if (!next) break;
      page = next;
    }
    sheet.commit();
    await this.writeFilters(workbook, actor, query, count, now, { industries, channels, regions });
    await workbook.commit();
  }

  private async withExtras(page: Page<ProjectView>): Promise<LedgerPage> {
    return { ...page, extras: await this.extras(page.items.map((item) => item.id)) };
  }

  /**
   * What the ledger rows need beyond the project view: company identity, people's accounts, park name, and the
   * park-local dates of the two timestamps (computed here: formatting 200,000 instants in a time zone in
   * JavaScript took about 0.7 s).
   */
  private async extras(ids: string[]): Promise<Map<string, LedgerExtras>> {
    if (!ids.length) return new Map();
    const rows: LedgerExtras[] = await this.db.query(
      `SELECT p.id, c.credit_code, c.country, c.province, c.city,
              ow.username AS owner_username, ow.display_name AS owner_name,
              ld.username AS leader_username, ld.display_name AS leader_name,
              (SELECT array_agg(u.username ORDER BY u.username) FROM users u WHERE u.id = ANY(p.assistant_ids)) AS assistant_usernames,
              pk.name AS park_name,
              to_char(p.stage_entered_at AT TIME ZONE $2, 'YYYY-MM-DD') AS stage_entered_on,
              to_char(p.created_at AT TIME ZONE $2, 'YYYY-MM-DD') AS created_on
         FROM projects p
         LEFT JOIN companies c ON c.id = p.company_id
         LEFT JOIN users ow ON ow.id = p.owner_id
         LEFT JOIN users ld ON ld.id = p.leader_id
         LEFT JOIN parks pk ON pk.id = p.park_id
        WHERE p.id = ANY($1)`,
      [ids, this.env.TZ_PARK],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** The second sheet: which filters produced the ledger, in words. */
  private async writeFilters(
    workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    actor: Actor,
    query: ListProjectsQueryDto,
    count: number,
    now: Date,
    labels: { industries: Map<string, string>; channels: Map<string, string>; regions: Map<string, string> },
  ): Promise<void> {
    const sheet = workbook.addWorksheet(FILTERS_SHEET_NAME);
    sheet.columns = [{ key: 'name', width: 18 }, { key: 'value', width: 48 }];
    const title = sheet.addRow(['筛选条件', '值']);
    title.font = { bold: true };
    title.commit();
    const name = async (sql: string, id: string | undefined) => (id ? ((await this.db.query(sql, [id]))[0]?.name ?? id) : undefined);
    const me = (id?: string) => (id === 'me' ? actor.id : id);
    const rows: [string, unknown][] = [
      ['导出时间', `${toZonedDate(now, this.env.TZ_PARK)} ${now.toLocaleTimeString('zh-CN', { timeZone: this.env.TZ_PARK, hour12: false })}`],
      ['导出人', actor.displayName],
      ['项目数', count],
      ['关键词', query.q],
      ['项目阶段', query.stage ? STAGE_LABELS[query.stage].zh : undefined],
      ['产业类别', query.industry ? (labels.industries.get(query.industry) ?? query.industry) : undefined],
      ['招商方式', query.channel ? (labels.channels.get(query.channel) ?? query.channel) : undefined],
      ['来源地区', query.originRegion ? (labels.regions.get(query.originRegion) ?? query.originRegion) : undefined],
      ['责任人', await name('SELECT display_name AS name FROM users WHERE id = $1', me(query.ownerId))],
      ['包抓领导', await name('SELECT display_name AS name FROM users WHERE id = $1', me(query.leaderId))],
      ['企业', await name('SELECT name FROM companies WHERE id = $1', query.companyId)],
      ['所属园区（含片区）', await name('SELECT name FROM parks WHERE id = $1', query.parkId)],
      ['总投资不低于（万元）', query.minInvestment],
      ['总投资不高于（万元）', query.maxInvestment],
      ['亿元以上项目', query.over100m === undefined ? undefined : yesNo(query.over100m)],
      ['是否保密', query.confidential === undefined ? undefined : yesNo(query.confidential)],
      ['已删除项目', query.deleted ? '是（仅已删除）' : undefined],
    ];
    const given = rows.filter(([, value]) => value !== undefined && value !== null && value !== '');
    for (const [label, value] of given) sheet.addRow([label, value]).commit();
    if (given.length === 3) sheet.addRow(['（无筛选条件）', '全部可见项目']).commit();
    sheet.commit();
  }
}
