import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, Env } from '@zs/config';
import { STAGE_LABELS, toZonedDate } from '@zs/domain';
import ExcelJS from 'exceljs';
import { PassThrough, type Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { SqlCursor } from '../common/sql-cursor';
import { DictionariesService } from '../dictionaries/dictionaries.service';
import type { ProjectFilters } from '../projects/dto/project.dto';
import { orderAsListed } from '../projects/project-list';
import { ProjectsService } from '../projects/projects.service';
import type { ExportProjectsQueryDto } from './dto/export-projects.dto';
import { AREA_FORMAT, DATE_FORMAT, FILTERS_SHEET_NAME, LEDGER_COLUMNS, LEDGER_SHEET_NAME, MONEY_FORMAT, yesNo } from './project-ledger.layout';
import { type LedgerLabels, type LedgerRecord, ledgerCells, selectLedger } from './project-ledger.rows';
import { waitForZip } from './xlsx-backpressure';
import { RawRowWriter } from './xlsx-rows';

/** Rows fetched at a time from the ledger's cursor; the writer waits for the zip (waitForZip) once a fetch. */
export const EXPORT_FETCH_SIZE = 500;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface LedgerFile {
  stream: Readable;
  filename: string;
}

/**
 * The project ledger (项目台账) as a streamed Excel workbook: the projects of `/api/projects` (same filters,
 * same visibility: ProjectsService.listQuery, in the list's order) read through one server-side cursor and
 * written row by row, as the rows arrive, with exceljs's streaming WorkbookWriter, so that memory holds no more
 * than a fetch whatever the size of the ledger.
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
    // The cursor is opened (the query planned) before answering, so that a refused filter (deleted=true for a
    // non-admin: thrown by listQuery) or a failing query is a plain error response and not a broken download.
    const ledger = selectLedger(orderAsListed(this.projects.listQuery(actor, query), query.sort), this.env.TZ_PARK);
    const [sql, params] = ledger.getQueryAndParameters();
    const cursor = await SqlCursor.open<LedgerRecord>(this.db, sql, params);
    const now = this.clock.now();
    const today = toZonedDate(now, this.env.TZ_PARK);
    const stream = new PassThrough();
    void this.write(actor, query, cursor, stream, now)
      .catch((error: unknown) => {
        this.logger.error({ err: error }, 'ledger export failed while streaming');
        stream.destroy(error as Error);
      })
      .finally(() => cursor.close());
    return { stream, filename: `项目台账-${today.replace(/-/g, '')}.xlsx` };
  }

  private async write(actor: Actor, query: ProjectFilters, cursor: SqlCursor<LedgerRecord>, out: PassThrough, now: Date): Promise<void> {
    const [industries, channels, regions] = await Promise.all([
      this.dictionaries.labels('industries', 'zh'),
      this.dictionaries.labels('channels', 'zh'),
      this.dictionaries.labels('regions', 'zh'),
    ]);
    const labels: LedgerLabels = { industries, channels, regions };
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

    // Each row is written as it arrives, none kept (SqlCursor.fetch). The next fetch is sent as soon as one ends,
    // so that PostgreSQL reads the next rows while the zip catches up; rows arriving after the client went away
    // are dropped.
    const write = (record: LedgerRecord) => {
      if (!out.destroyed) rows.write(ledgerCells(record, labels));
    };
    let count = 0;
    let fetching = cursor.fetch(EXPORT_FETCH_SIZE, write);
    for (;;) {
      const fetched = await fetching;
      count += fetched;
      if (fetched < EXPORT_FETCH_SIZE) break;
      fetching = cursor.fetch(EXPORT_FETCH_SIZE, write);
      fetching.catch(() => undefined); // awaited on the next turn; cursor.close() waits for it otherwise
      // Backpressure on both the zip entry and the download, so that memory holds about two fetches' XML
      // whatever the size of the ledger and however slow the reader.
      await waitForZip(sheet, out);
      if (out.destroyed) return; // the client went away
    }
    sheet.commit();
    await this.writeFilters(workbook, actor, query, count, now, labels);
    await workbook.commit();
  }

  /** The second sheet: which filters produced the ledger, in words. */
  private async writeFilters(
    workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    actor: Actor,
    query: ProjectFilters,
    count: number,
    now: Date,
    labels: LedgerLabels,
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
