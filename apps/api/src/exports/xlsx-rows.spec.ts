import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PassThrough } from 'node:stream';
import { type RawCell, RawRowWriter } from './xlsx-rows';

const STYLES: Partial<ExcelJS.Style>[] = [{}, { numFmt: '#,##0.00' }, { numFmt: 'yyyy-mm-dd' }, {}, {}];
const ROWS: RawCell[][] = [
  ['ZS-2026-0001', 5200, new Date('2005-09-20T00:00:00Z'), 'A&B <有限> "公司" \'x\'', 120],
  ['控制\u0001字符\u000b\u000c\u001f\u007f留下\t\r\n', 4800.55, null, null, null],
  [null, 0.1 + 0.2, new Date('1999-12-31T00:00:00Z'), '', -3],
  ['是', null, null, '否', 1e21],
];

/** sheet1.xml of a streamed workbook whose data rows are written by `writeRows`. */
async function sheetXml(writeRows: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.stream.xlsx.WorkbookWriter) => void): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => out.on('end', resolve));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('ledger', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = STYLES.map((style, i) => ({ key: `k${i}`, width: 10, style: { ...style } }));
  const header = sheet.addRow(STYLES.map((_, i) => `列${i}`));
  header.font = { bold: true };
  header.commit();
  writeRows(sheet, workbook);
  sheet.commit();
  await workbook.commit();
  await ended;
  const zip = await JSZip.loadAsync(Buffer.concat(chunks));
  return zip.file('xl/worksheets/sheet1.xml')!.async('string');
}

describe('RawRowWriter', () => {
  it('writes the same sheet XML as exceljs for strings to escape, control characters, numbers, dates and empty cells', async () => {
    const byExcelJS = await sheetXml((sheet) => {
      for (const values of ROWS) sheet.addRow(Object.fromEntries(values.map((v, i) => [`k${i}`, v]))).commit();
    });
    const byRaw = await sheetXml((sheet, workbook) => {
      const writer = new RawRowWriter(sheet, workbook, STYLES, 2);
      for (const values of ROWS) writer.write(values);
    });
    expect(byRaw).toContain('A&amp;B &lt;有限&gt; &quot;公司&quot; &apos;x&apos;');
    expect(byRaw).toBe(byExcelJS);
  });
});
