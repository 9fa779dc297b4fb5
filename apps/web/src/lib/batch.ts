/**
 * Collects single look-ups made in the same moment (every `<UserName>` of a table page) into one request of at most
 * `maxBatch` keys: `load` answers the keys it knows, the others resolve to `undefined`; a failed request rejects
 * the look-ups of its batch.
 */
export function createBatcher<K, V>(
  load: (keys: K[]) => Promise<Map<K, V>>,
  options: { maxBatch?: number; delayMs?: number } = {},
): (key: K) => Promise<V | undefined> {
  const maxBatch = options.maxBatch ?? 200;
  const delayMs = options.delayMs ?? 10;
  let queue = new Map<K, { resolve: (value: V | undefined) => void; reject: (error: unknown) => void }[]>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    timer = null;
    const waiting = queue;
    queue = new Map();
    const keys = [...waiting.keys()];
    for (let i = 0; i < keys.length; i += maxBatch) {
      const chunk = keys.slice(i, i + maxBatch);
      load(chunk).then(
        (found) => chunk.forEach((key) => waiting.get(key)!.forEach((w) => w.resolve(found.get(key)))),
        (error) => chunk.forEach((key) => waiting.get(key)!.forEach((w) => w.reject(error))),
      );
    }
  };

  return (key) =>
    new Promise<V | undefined>((resolve, reject) => {
      const waiters = queue.get(key) ?? [];
      waiters.push({ resolve, reject });
      queue.set(key, waiters);
      if (!timer) timer = setTimeout(flush, delayMs);
    });
}
