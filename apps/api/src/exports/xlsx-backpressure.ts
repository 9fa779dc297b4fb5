import type ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';

/**
 * What exceljs 4.4's streaming writer does not do: wait for its zip. A `WorksheetWriter` writes its XML into a
 * `StreamBuf` that hands every 64 KiB to the sheet's zip entry (the PassThrough that archiver-utils puts in front
 * of a stream it cannot read directly) without looking at what `write()` answers. Rows are produced on the main
 * thread faster than deflate takes them, so the uncompressed sheet (about 1.9 KB a ledger row) piled up in that
 * entry: +190 MB for 100,000 rows, while the download's own PassThrough never filled and so never pushed back
 * (measured in a stand-alone run, bench/notes/export.md).
 *
 * These reach into exceljs's internals (pinned by package-lock; `xlsx-backpressure.spec.ts` fails if they move).
 */
interface ZipEntry {
  once(event: 'drain', listener: () => void): unknown;
  removeListener(event: 'drain', listener: () => void): unknown;
  writableLength?: number;
  _writableState?: { length: number };
}

/** The zip entry a streamed worksheet writes into, or undefined if exceljs is not laid out as 4.4 is. */
export function zipEntryOf(sheet: ExcelJS.Worksheet): ZipEntry | undefined {
  const entry = (sheet as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes?.[0] as ZipEntry | undefined;
  return entry && typeof entry.once === 'function' && typeof bufferedIn(entry) === 'number' ? entry : undefined;
}

/** Bytes of sheet XML waiting in the zip entry (not yet deflated). */
export function bufferedIn(entry: ZipEntry): number | undefined {
  return entry._writableState?.length ?? entry.writableLength;
}

/** How much uncompressed XML may wait for deflate before the writer stops producing rows. */
export const ZIP_ENTRY_LIMIT = 1 << 20;

/**
 * Resolves once the sheet's zip entry holds less than ZIP_ENTRY_LIMIT and the download's stream `out` is not
 * full, or as soon as `out` is closed (the client went away: the caller then stops).
 */
export async function waitForZip(sheet: ExcelJS.Worksheet, out: Readable & { writableNeedDrain?: boolean }): Promise<void> {
  const entry = zipEntryOf(sheet);
  if (entry && (bufferedIn(entry) ?? 0) >= ZIP_ENTRY_LIMIT) await drainedOrClosed(entry, out);
  if (out.writableNeedDrain && !out.destroyed) await drainedOrClosed(out as unknown as ZipEntry, out);
}

function drainedOrClosed(stream: ZipEntry, out: Readable): Promise<void> {
  if (out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.removeListener('drain', done);
      out.removeListener('close', done);
      resolve();
    };
    stream.once('drain', done);
    out.once('close', done);
  });
}
