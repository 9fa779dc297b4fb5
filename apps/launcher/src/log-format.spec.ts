import { formatLogLine } from './log-format';

describe('formatLogLine', () => {
  it('renders a pino line as time, level, context and message', () => {
    const time = new Date(2026, 0, 5, 9, 8, 7).getTime();
    const line = JSON.stringify({ level: 30, time, pid: 1, context: 'Setup', msg: 'first admin created' });
    expect(formatLogLine(line)).toBe('09:08:07 INFO  Setup: first admin created');
  });

  it('shows a request log as method, url, status and duration', () => {
    const line = JSON.stringify({ level: 30, msg: 'request completed', req: { method: 'GET', url: '/api/users' }, res: { statusCode: 200 }, responseTime: 4.6 });
    expect(formatLogLine(line)).toBe('INFO  request completed GET /api/users → 200 (5 ms)');
  });

  it('appends the stack of an error entry', () => {
    const line = JSON.stringify({ level: 50, msg: 'job failed', err: { message: 'boom', stack: 'Error: boom\n    at x' } });
    expect(formatLogLine(line)).toBe('ERROR job failed\nError: boom\n    at x');
  });

  it('drops Nest start-up chatter when asked, keeping everything else', () => {
    const chatter = JSON.stringify({ level: 30, context: 'RouterExplorer', msg: 'Mapped {/api/users, GET} route' });
    const started = JSON.stringify({ level: 30, context: 'NestApplication', msg: 'Nest application successfully started' });
    expect(formatLogLine(chatter, { quietBoot: true })).toBeNull();
    expect(formatLogLine(chatter)).toBe('INFO  RouterExplorer: Mapped {/api/users, GET} route');
    expect(formatLogLine(started, { quietBoot: true })).toBe('INFO  NestApplication: Nest application successfully started');
  });

  it('leaves lines that are not pino JSON unchanged', () => {
    expect(formatLogLine('[api] listening on http://localhost:3000')).toBe('[api] listening on http://localhost:3000');
    expect(formatLogLine('{not json')).toBe('{not json');
    expect(formatLogLine('{"level":"info"}')).toBe('{"level":"info"}');
  });
});
