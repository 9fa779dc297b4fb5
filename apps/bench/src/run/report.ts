import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DataProfile } from './bench-data';
import type { ExportFigures } from './export-scenario';
import type { LoadFigures, SequentialFigures } from './http-scenarios';
import type { Machine } from './machine';
import type { OpenLoopResult } from './open-loop';
import type { ReminderFigures } from './reminder-scenario';
import type { SaturationResult } from './saturation';

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  durationS: number;
  machine: Machine;
  data: DataProfile;
  /** What `npm run bench:data` recorded about the set (bench_meta), when it did. */
  dataSet?: { generatedAt?: unknown; seconds?: unknown; databaseSize?: unknown; projects?: unknown };
  settings: Record<string, unknown>;
  hello?: { openLoop: OpenLoopResult; saturation: SaturationResult };
  load: LoadFigures[];
  sequential: SequentialFigures[];
  export?: ExportFigures;
  reminders: Record<string, { burst?: ReminderFigures; steady?: ReminderFigures }>;
  notes: string[];
}

const fmt = (v: number | null | undefined, unit = '', digits = 1) =>
  v === null || v === undefined || Number.isNaN(v) ? '—' : `${Number(v.toFixed(digits)).toLocaleString('en-US')}${unit}`;
const ratio = (a?: number | null, b?: number | null) => (a && b ? `${(a / b).toFixed(2)}×` : '—');
const verdict = (ok: boolean | null) => (ok === null ? '' : ok ? ' ✅' : ' ❌');

/** Writes bench/results.json and bench/RESULTS.md (with the notes of bench/notes/*.md merged in). */
export function writeResults(dir: string, results: BenchResults): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, 'RESULTS.md'), markdown(dir, results));
}

function markdown(dir: string, r: BenchResults): string {
  const load = (key: string) => r.load.find((l) => l.key === key);
  const seq = (key: string) => r.sequential.find((s) => s.key === key);
  const rows: string[][] = [];
  const add = (figure: string, target: string, result: string, floor: string, ratioToFloor: string) => rows.push([figure, target, result, floor, ratioToFloor]);
  const list = load('list');
  for (const key of ['list', 'list-deep', 'list-deep-stage', 'search']) {
    const l = load(key);
    if (!l) continue;
    const target = key === 'search' ? 50 : key === 'list' ? 20 : null;
    const p95 = l.api.openLoop.p95;
    let targetText = target ? `≤ ${target} ms` : '≤ 1.5× page one';
    let ok: boolean | null = target ? p95 <= target : list ? p95 <= 1.5 * list.api.openLoop.p95 : null;
    if (!target && list) targetText += ` (${(p95 / list.api.openLoop.p95).toFixed(2)}× page one)`;
    add(`${l.label}: p50 / p95 / p99 at ${l.api.openLoop.targetRate} req/s open loop`, targetText,
      `${fmt(l.api.openLoop.p50)} / ${fmt(l.api.openLoop.p95)} / ${fmt(l.api.openLoop.p99)} ms${verdict(ok)}`,
      `${fmt(l.floor.openLoop.p50)} / ${fmt(l.floor.openLoop.p95)} / ${fmt(l.floor.openLoop.p99)} ms`, ratio(p95, l.floor.openLoop.p95));
    ok = l.floor.saturation.rps > 0 ? l.api.saturation.rps >= 0.7 * l.floor.saturation.rps : null;
    add(`${l.label}: saturation (${l.api.saturation.connections} connections)`, key.startsWith('list') ? '≥ 70% of the floor' : '—',
      `${fmt(l.api.saturation.rps, ' req/s', 0)}${key.startsWith('list') ? verdict(ok) : ''}`, `${fmt(l.floor.saturation.rps, ' req/s', 0)}`, ratio(l.api.saturation.rps, l.floor.saturation.rps));
  }
  const seqTargets: Record<string, number | null> = { page: null, funnel: 150, 'funnel-officer': 50, kpis: 200, dispatch: null };
  for (const [key, target] of Object.entries(seqTargets)) {
    const s = seq(key);
    if (!s) continue;
    add(`${s.label}: p50 / p95 (sequential, n=${s.api.count})`, target ? `p95 ≤ ${target} ms` : '—',
      `${fmt(s.api.p50)} / ${fmt(s.api.p95)} ms${target ? verdict(s.api.p95 <= target) : ''}`, `${fmt(s.floor.p50)} / ${fmt(s.floor.p95)} ms`, ratio(s.api.p95, s.floor.p95));
  }
  for (const [backend, figures] of Object.entries(r.reminders)) {
    const b = figures.burst;
    if (b) {
      const ok = b.delivered === b.reminders && b.duplicates === 0 && (b.allDeliveredS ?? Infinity) <= 60;
      add(`${fmt(b.reminders, '', 0)} reminders due at once (${backend}): all delivered in-app`, '≤ 60 s, none twice',
        `${fmt(b.allDeliveredS, ' s')} (${fmt(b.delivered, '', 0)} delivered, ${b.duplicates} twice)${verdict(ok)}`, backend === 'redis' ? 'raw BullMQ ~4,000/s (issue)' : 'raw BullMQ ~1,500/s (issue)', '—');
      add(`  throughput; due→delivered lag p50 / p99 (${backend})`, '—', `${fmt(b.throughputPerS, '/s', 0)}; ${fmt(b.lagP50S, ' s', 2)} / ${fmt(b.lagP99S, ' s', 2)}`, '—', '—');
    }
    const s = figures.steady;
    if (s) {
      add(`steady ${fmt(s.reminders, '', 0)} reminders at ${r.settings.steadyRate}/s (${backend}): lag p50 / p99`, 'p99 ≤ 1 s',
        `${fmt(s.lagP50S, ' s', 3)} / ${fmt(s.lagP99S, ' s', 3)} (${s.delivered}/${s.reminders}, ${s.duplicates} twice)${verdict((s.lagP99S ?? Infinity) <= 1 && s.duplicates === 0 && s.delivered === s.reminders)}`, '—', '—');
    }
  }
  if (r.export) {
    const e = r.export;
    add(`Excel export of ${fmt(e.rows, '', 0)} rows (${e.query || 'no filter'})`, '≤ 20 s, peak RSS ≤ 300 MB',
      `${fmt(e.seconds, ' s')}, ${fmt(e.peakRssMb, ' MB', 0)} peak (${e.peakMeasuredBy}; ${fmt(e.bytes / 2 ** 20, ' MiB')} file)${verdict(e.seconds <= 20 && e.peakRssMb <= 300 && e.status === 200)}`, '—', '—');
  }
  if (r.hello) add('bare Fastify hello-world (the HTTP floor)', '—', '—', `${fmt(r.hello.saturation.rps, ' req/s', 0)}; p95 ${fmt(r.hello.openLoop.p95)} ms at ${r.hello.openLoop.targetRate}/s`, '—');

  const m = r.machine;
  const d = r.data;
  const lines = [
    '# Benchmark results (`npm run bench`)',
    '',
    `Run ${r.startedAt} → ${r.finishedAt} (${Math.round(r.durationS / 60)} min). Generated by \`apps/bench/src/run\`; the raw figures are in [results.json](results.json).`,
    '',
    '## Machine and data',
    '',
    `- ${m.cores} cores (${m.cpu}), ${m.ramGb} GB RAM, ${m.os}; Node ${m.node}, PostgreSQL ${m.postgres} (${Object.entries(m.postgresSettings ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')}), Redis ${m.redis}. API, worker, PostgreSQL, Redis and the load generator share the machine; load average ${m.loadAverage} when the run started${m.loadAverage > m.cores ? ' (other work was running: figures are pessimistic)' : ''}.`,
    `- Data set: ${fmt(d.projects, '', 0)} projects, ~${fmt(d.companies, '', 0)} companies, ~${fmt(d.visits, '', 0)} visits, ~${fmt(d.tasks, '', 0)} tasks, ~${fmt(d.stageChanges, '', 0)} stage changes, ${fmt(d.users, '', 0)} users (row counts of the projects exact, the others PostgreSQL's estimates).`,
    ...(r.dataSet ? [`- Generated by \`npm run bench:data -- --projects ${r.dataSet.projects}\` at ${r.dataSet.generatedAt}${r.dataSet.seconds ? ` in ${Math.round(Number(r.dataSet.seconds))} s` : ''}${r.dataSet.databaseSize ? `; database size ${r.dataSet.databaseSize}` : ''}.`] : []),
    `- Caller: a manager of the root park (sees every park). Filtered list: stage \`${d.stage}\` + officer \`${d.officerId}\` (the busiest officer's most common stage).`,
    '',
    '## Figures against the targets of issue 7',
    '',
    '| figure | target | result | floor | ratio to floor |',
    '|---|---|---|---|---|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    '## How it is measured',
    '',
    ...(r.notes.map((n) => `- ${n}`)),
    '',
    '## Details of the loaded requests',
    '',
    '| request | SQL statements | API p50 / p95 / p99 / max (ms) | achieved rate | errors | floor p50 / p95 / p99 (ms) | API sat. req/s (p50 / p99 ms) | floor sat. req/s |',
    '|---|---|---|---|---|---|---|---|',
    ...r.load.map((l) => `| \`${l.path.replace(/cursor=[^&]+/, 'cursor=…')}\` | ${l.statements} | ${fmt(l.api.openLoop.p50)} / ${fmt(l.api.openLoop.p95)} / ${fmt(l.api.openLoop.p99)} / ${fmt(l.api.openLoop.max)} | ${fmt(l.api.openLoop.achievedRate, '/s', 0)} | ${l.api.openLoop.errors + l.api.openLoop.non2xx}${l.api.openLoop.unanswered ? ` + ${l.api.openLoop.unanswered} unanswered 5 s after the last send` : ''}${stopped(l.api.openLoop)} | ${fmt(l.floor.openLoop.p50)} / ${fmt(l.floor.openLoop.p95)} / ${fmt(l.floor.openLoop.p99)}${stopped(l.floor.openLoop)} | ${fmt(l.api.saturation.rps, '', 0)} (${l.api.saturation.p50} / ${l.api.saturation.p99}) | ${fmt(l.floor.saturation.rps, '', 0)} |`),
    '',
    '| page view | requests | API p50 / p95 / max (ms) | floor p50 / p95 (ms) |',
    '|---|---|---|---|',
    ...r.sequential.map((s) => `| ${s.label} | ${s.requests.map((p) => `\`${p}\``).join('<br>')} | ${fmt(s.api.p50)} / ${fmt(s.api.p95)} / ${fmt(s.api.max)} | ${fmt(s.floor.p50)} / ${fmt(s.floor.p95)} |`),
    '',
    ...notesOfOthers(dir),
  ];
  return `${lines.join('\n')}\n`;
}

/** The other helpers' notes (bench/notes/*.md: what they changed, before and after), merged in. */
function notesOfOthers(dir: string): string[] {
  const notesDir = join(dir, 'notes');
  if (!existsSync(notesDir)) return [];
  const files = readdirSync(notesDir).filter((f) => f.endsWith('.md')).sort();
  if (!files.length) return [];
  const out = ['## Fixes, before and after (bench/notes)', ''];
  for (const file of files) {
    out.push(`<!-- merged from ${relative(dir, join(notesDir, file))} -->`);
    const text = readFileSync(join(notesDir, file), 'utf8').trim();
    // demote the notes' headings below this section
    out.push(text.replace(/^(#+) /gm, '$1## '), '');
  }
  return out;
}

/** An open-loop run that stopped sending because the server fell too far behind. */
function stopped(o: OpenLoopResult): string {
  return o.stoppedAtS === undefined ? '' : ` (overloaded: sending stopped after ${o.stoppedAtS} s)`;
}
