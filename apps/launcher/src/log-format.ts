/**
 * Makes a child's pino JSON line readable in a terminal: `12:00:01 INFO  Setup: first admin created …`.
 * Anything that is not a pino line is returned unchanged. (`npm run start:api` keeps the raw JSON.)
 * With `quietBoot`, Nest's start-up chatter (one line per module and per route) is dropped: null.
 */
const BOOT_CHATTER = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);
const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

interface PinoLine {
  level: number;
  time?: number;
  msg?: string;
  context?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { message?: string; stack?: string };
}

export function formatLogLine(line: string, options: { quietBoot?: boolean } = {}): string | null {
  if (!line.startsWith('{')) return line;
  let entry: PinoLine;
  try {
    entry = JSON.parse(line) as PinoLine;
  } catch {
    return line;
  }
  if (typeof entry !== 'object' || entry === null || typeof entry.level !== 'number' || !LEVELS[entry.level]) return line;
  if (options.quietBoot && entry.level <= 30 && entry.context && BOOT_CHATTER.has(entry.context)) return null;
  const time = typeof entry.time === 'number' ? new Date(entry.time).toTimeString().slice(0, 8) : '';
  const parts = [time, LEVELS[entry.level].padEnd(5)].filter(Boolean);
  let text = entry.msg ?? '';
  if (entry.context) text = `${entry.context}: ${text}`;
  if (entry.req?.method && entry.res?.statusCode) {
    text += ` ${entry.req.method} ${entry.req.url ?? ''} → ${entry.res.statusCode}`;
    if (typeof entry.responseTime === 'number') text += ` (${Math.round(entry.responseTime)} ms)`;
  }
  if (entry.err && entry.level >= 50) {
    const detail = entry.err.stack ?? entry.err.message;
    if (detail && !text.includes(detail)) text += `\n${detail}`;
  }
  return `${parts.join(' ')} ${text}`;
}
