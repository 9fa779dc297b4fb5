import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Env } from './env';

describe('.env.example', () => {
  const text = readFileSync(join(process.cwd(), '.env.example'), 'utf8') // jest runs from the repository root;
  const documented = new Map(
    [...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1], m[2].trim()] as const),
  );

  it('documents every variable the app reads', () => {
    const missing = Object.keys(new Env()).filter((key) => !documented.has(key));
    expect(missing).toEqual([]);
  });

  it('shows each default as the app applies it', () => {
    const defaults = new Env() as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(defaults)) {
      expect([key, documented.get(key)]).toEqual([key, value === undefined ? '' : String(value)]);
    }
  });
});
