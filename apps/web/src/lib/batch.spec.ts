import { createBatcher } from './batch';

describe('createBatcher', () => {
  it('asks once for the keys looked up together, each key once, and answers undefined for the unknown ones', async () => {
    const calls: string[][] = [];
    const lookup = createBatcher<string, string>(async (keys) => {
      calls.push(keys);
      return new Map(keys.filter((k) => k !== 'x').map((k) => [k, `name-${k}`]));
    }, { delayMs: 0 });
    const answers = Promise.all([lookup('a'), lookup('b'), lookup('a'), lookup('x')]);
    expect(await answers).toEqual(['name-a', 'name-b', 'name-a', undefined]);
    expect(calls).toEqual([['a', 'b', 'x']]);
  });

  it('splits a large batch into requests of at most maxBatch keys', async () => {
    const sizes: number[] = [];
    const lookup = createBatcher<number, number>(async (keys) => {
      sizes.push(keys.length);
      return new Map(keys.map((k) => [k, k * 2]));
    }, { maxBatch: 200, delayMs: 0 });
    const answers = Promise.all(Array.from({ length: 450 }, (_, i) => lookup(i)));
    expect((await answers)[449]).toBe(898);
    expect(sizes).toEqual([200, 200, 50]);
  });

  it('rejects the look-ups of a failed request, and starts a new batch afterwards', async () => {
    let fail = true;
    const lookup = createBatcher<string, string>(async (keys) => {
      if (fail) throw new Error('offline');
      return new Map(keys.map((k) => [k, k.toUpperCase()]));
    }, { delayMs: 0 });
    const failed = lookup('a');
    await expect(failed).rejects.toThrow('offline');
    fail = false;
    const again = lookup('a');
    await expect(again).resolves.toBe('A');
  });
});
