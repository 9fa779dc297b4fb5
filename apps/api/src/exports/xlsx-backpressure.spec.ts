import ExcelJS from 'exceljs';
import { PassThrough, Writable } from 'node:stream';
import { bufferedIn, waitForZip, ZIP_ENTRY_LIMIT, zipEntryOf } from './xlsx-backpressure';

/** A workbook streamed into a PassThrough that a slow-ish reader drains, as the download does. */
function streamedSheet() {
  const out = new PassThrough();
  let bytes = 0;
  out.pipe(new Writable({ write: (chunk: Buffer, _encoding, done) => { bytes += chunk.length; setImmediate(done); } }));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('ledger');
  return { out, workbook, sheet, written: () => bytes };
}

const row = (i: number) => Array.from({ length: 20 }, (_, j) => (j % 2 ? i * j : `项目名称${i}-${j}某某新材料有限公司`));

describe('xlsx backpressure (exceljs streaming writer)', () => {
  it('finds the zip entry a streamed worksheet writes into (fails if exceljs changes its internals)', () => {
    const { sheet } = streamedSheet();
    const entry = zipEntryOf(sheet);
    expect(entry).toBeDefined();
    expect(bufferedIn(entry!)).toEqual(expect.any(Number));
  });

  it('keeps the uncompressed sheet waiting for deflate under its limit plus one page', async () => {
    const { out, workbook, sheet, written } = streamedSheet();
    const entry = zipEntryOf(sheet)!;
    let most = 0;
    for (let i = 0; i < 10_000; i++) {
      sheet.addRow(row(i)).commit();
      if (i % 500 === 499) {
        most = Math.max(most, bufferedIn(entry)!);
        await waitForZip(sheet, out);
      }
    }
    sheet.commit();
    await workbook.commit();
    // a page of 500 such rows is about 0.6 MB of XML; without the wait the entry grows by that much every page
    expect(most).toBeLessThan(ZIP_ENTRY_LIMIT + 2 * 1024 * 1024);
    expect(written()).toBeGreaterThan(0);
  });

  it('does not wait once the download is closed', async () => {
    const { out, sheet } = streamedSheet();
    for (let i = 0; i < 5_000; i++) sheet.addRow(row(i)).commit();
    out.destroy();
    await expect(waitForZip(sheet, out)).resolves.toBeUndefined();
  });
});
