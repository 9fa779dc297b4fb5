import { performance } from 'node:perf_hooks';
import type { ApiClient } from './api-client';
import type { BenchChild } from './child-process';
import { round } from './stats';

export interface ExportFigures {
  query: string;
  rows: number;
  seconds: number;
  bytes: number;
  status: number;
  /** The API process's peak RSS during the export (VmHWM after resetting it; else the sampled maximum), MB. */
  peakRssMb: number;
  rssBeforeMb: number;
  peakMeasuredBy: 'VmHWM' | 'sampled';
}

/** Downloads the ledger export in full and watches the API process's memory while it is written. */
export async function measureExport(api: BenchChild, client: ApiClient, query: string, rows: number): Promise<ExportFigures> {
  const before = api.memory();
  const reset = api.resetPeakMemory();
  let sampled = before.rssMb;
  const sampler = setInterval(() => {
    try {
      sampled = Math.max(sampled, api.memory().rssMb);
    } catch {
      /* the process is gone */
    }
  }, 50);
  const t = performance.now();
  const result = await client.download(`/api/exports/projects.xlsx${query ? `?${query}` : ''}`);
  const seconds = (performance.now() - t) / 1000;
  clearInterval(sampler);
  const after = api.memory();
  return {
    query,
    rows,
    seconds: round(seconds, 2),
    bytes: result.bytes,
    status: result.status,
    peakRssMb: round(reset ? after.peakMb : Math.max(sampled, after.rssMb), 1),
    rssBeforeMb: round(before.rssMb, 1),
    peakMeasuredBy: reset ? 'VmHWM' : 'sampled',
  };
}
