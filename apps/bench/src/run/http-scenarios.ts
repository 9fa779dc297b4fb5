import type { ApiClient } from './api-client';
import type { BenchChild } from './child-process';
import type { DataProfile } from './bench-data';
import { openLoop, type OpenLoopResult } from './open-loop';
import { saturation, type SaturationResult } from './saturation';
import { sequential } from './sequential';
import { captureSql, type Statement } from './sql-replay';
import type { LatencySummary } from './stats';

/** One request measured under load (open loop and saturation), against the API and against the floor. */
export interface LoadCase {
  key: string;
  label: string;
  path: string;
}

export interface LoadFigures {
  key: string;
  label: string;
  path: string;
  statements: number;
  api: { openLoop: OpenLoopResult; saturation: SaturationResult };
  floor: { openLoop: OpenLoopResult; saturation: SaturationResult };
}

/** A page view measured one after another: stages of requests sent together, over a few variants (ids). */
export interface SequentialCase {
  key: string;
  label: string;
  variants: string[][][];
}

export interface SequentialFigures {
  key: string;
  label: string;
  requests: string[];
  api: LatencySummary;
  floor: LatencySummary;
}

export function loadCases(p: DataProfile): LoadCase[] {
  const filter = `stage=${p.stage}&ownerId=${p.officerId}&limit=50`;
  const cases: LoadCase[] = [{ key: 'list', label: `list: stage + officer, page 1 (${p.filteredRows} rows match)`, path: `/api/projects?${filter}` }];
  if (p.deepCursor) cases.push({ key: 'list-deep', label: `list: stage + officer, deep page (row ${p.deepOffset} of ${p.filteredRows})`, path: `/api/projects?${filter}&cursor=${p.deepCursor}` });
  if (p.stageDeepCursor) cases.push({ key: 'list-deep-stage', label: `list: stage only, deep page (row ${p.stageDeepOffset} of ${p.stageRows})`, path: `/api/projects?stage=${p.stage}&limit=50&cursor=${p.stageDeepCursor}` });
  cases.push({ key: 'search', label: `search q=${p.searchTerm} (${p.searchRows} rows match)`, path: `/api/projects?q=${encodeURIComponent(p.searchTerm)}&limit=50` });
  return cases;
}

export function sequentialCases(p: DataProfile): SequentialCase[] {
  const page = (id: string) => [
    [`/api/projects/${id}`],
    [`/api/projects/${id}/visits?limit=50`, `/api/projects/${id}/agreements?limit=50`, `/api/projects/${id}/funds?limit=50`, `/api/projects/${id}/history`,
      `/api/tasks?projectId=${id}&sort=dueAt&limit=50`, `/api/projects/${id}/milestones`, `/api/projects/${id}/blockers`],
  ];
  const year = `from=${p.year}-01-01&to=${p.year}-12-31`;
  return [
    { key: 'page', label: 'project page (project, then its 7 lists together)', variants: p.projectIds.slice(0, 5).map(page) },
    { key: 'funnel', label: `funnel, all projects, ${p.year}`, variants: [[[`/api/analytics/funnel?${year}`]]] },
    { key: 'funnel-officer', label: `funnel, one officer, ${p.year}`, variants: [[[`/api/analytics/funnel?${year}&ownerId=${p.officerId}`]]] },
    { key: 'kpis', label: `KPIs, ${p.year}`, variants: [[[`/api/analytics/kpis?year=${p.year}`]]] },
    { key: 'dispatch', label: 'dispatch list', variants: [[[`/api/analytics/dispatch`]]] },
  ];
}

/** Captures the SQL of every request of the cases: the floor server's routes. */
export async function captureRoutes(api: BenchChild, client: ApiClient, file: string, load: LoadCase[], seq: SequentialCase[]): Promise<Record<string, Statement[]>> {
  const routes: Record<string, Statement[]> = {};
  for (const c of load) routes[c.key] = await captureSql(api, file, () => client.get(c.path));
  for (const c of seq) {
    for (const [v, stages] of c.variants.entries()) {
      for (const [s, paths] of stages.entries()) {
        for (const [i, path] of paths.entries()) routes[`${c.key}-${v}-${s}-${i}`] = await captureSql(api, file, () => client.get(path));
      }
    }
  }
  return routes;
}

export interface LoadOptions {
  rate: number;
  openLoopS: number;
  connections: number;
  saturationS: number;
  /** Waits until the database is idle again (quiesce.ts): called before every measured run. */
  settle: () => Promise<unknown>;
}

export async function measureLoad(c: LoadCase, apiBase: string, floorBase: string, headers: Record<string, string>, statements: number, o: LoadOptions, log: (m: string) => void): Promise<LoadFigures> {
  const run = async (url: string, h: Record<string, string>) => {
    await o.settle();
    const ol = await openLoop(url, h, o.rate, o.openLoopS * 1000);
    await o.settle();
    const sat = await saturation(url, h, o.connections, o.saturationS);
    return { openLoop: ol, saturation: sat };
  };
  const api = await run(`${apiBase}${c.path}`, headers);
  log(`  ${c.key} API: p50 ${api.openLoop.p50} p95 ${api.openLoop.p95} p99 ${api.openLoop.p99} ms at ${o.rate}/s (errors ${api.openLoop.errors + api.openLoop.non2xx}); saturation ${api.saturation.rps} req/s`);
  const floor = await run(`${floorBase}/sql/${c.key}`, {});
  log(`  ${c.key} floor: p50 ${floor.openLoop.p50} p95 ${floor.openLoop.p95} p99 ${floor.openLoop.p99} ms; saturation ${floor.saturation.rps} req/s`);
  return { key: c.key, label: c.label, path: c.path, statements, api, floor };
}

export async function measureSequential(
  c: SequentialCase, client: ApiClient, floorBase: string, count: number, settle: () => Promise<unknown>, log: (m: string) => void,
): Promise<SequentialFigures> {
  const view = async (i: number, get: (v: number, s: number, j: number, path: string) => Promise<unknown>) => {
    const v = Math.abs(i) % c.variants.length;
    for (const [s, paths] of c.variants[v].entries()) await Promise.all(paths.map((path, j) => get(v, s, j, path)));
  };
  await settle();
  const api = await sequential((i) => view(i, (_v, _s, _j, path) => client.get(path)), { count, budgetMs: 60_000 });
  await settle();
  const floor = await sequential(
    (i) => view(i, async (v, s, j) => {
      const res = await fetch(`${floorBase}/sql/${c.key}-${v}-${s}-${j}`);
      if (!res.ok) throw new Error(`floor ${c.key} answered ${res.status}`);
      await res.arrayBuffer();
    }),
    { count, budgetMs: 60_000 },
  );
  log(`  ${c.key}: API p50 ${api.p50} p95 ${api.p95} ms (n=${api.count}); floor p50 ${floor.p50} p95 ${floor.p95} ms`);
  return { key: c.key, label: c.label, requests: c.variants[0].flat(), api, floor };
}

/** The floor's and the API's answer to a request without any database work. */
export async function measureHello(floorBase: string, o: LoadOptions): Promise<{ openLoop: OpenLoopResult; saturation: SaturationResult }> {
  await o.settle();
  return { openLoop: await openLoop(`${floorBase}/hello`, {}, o.rate, o.openLoopS * 1000), saturation: await saturation(`${floorBase}/hello`, {}, o.connections, o.saturationS) };
}
