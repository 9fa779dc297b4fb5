import { jest } from '@jest/globals';
import type { DictionaryEntry, DictionaryKind } from '@zs/db';
import { DomainError } from '@zs/domain';
import type { Repository } from 'typeorm';
import { DICTIONARY_CACHE_TTL_MS, DictionariesService } from './dictionaries.service';

function entry(kind: DictionaryKind, key: string, labelZh: string, labelEn: string, retired = false): DictionaryEntry {
  const at = new Date('2026-01-01T00:00:00Z');
  return { id: `${kind}-${key}`, kind, key, labelZh, labelEn, sortOrder: 10, retiredAt: retired ? at : null, createdAt: at, updatedAt: at, version: 1 };
}

/** A repository fake that counts how often the dictionary is read from the database. */
function fakeRepository(rows: DictionaryEntry[]) {
  const calls = { find: 0 };
  const repository = {
    find: async () => { calls.find++; return rows; },
  } as unknown as Repository<DictionaryEntry>;
  return { repository, calls };
}

describe('DictionariesService', () => {
  const rows = [
    entry('industries', 'textile', '纺织服装', 'Textiles'),
    entry('industries', 'paper', '造纸', 'Paper', true),
    entry('regions', 'zhejiang', '浙江', 'Zhejiang'),
  ];
  let now = 1_000_000;
  let dateNow: { mockRestore(): void } | undefined;
  beforeEach(() => { dateNow = jest.spyOn(Date, 'now').mockImplementation(() => now); });
  afterEach(() => { dateNow?.mockRestore(); });

  it('accepts a live key and refuses a retired or unknown one with a 400 naming the field', async () => {
    const service = new DictionariesService(fakeRepository(rows).repository);
    await expect(service.assertKey('industries', 'textile', 'industry')).resolves.toBeUndefined();
    for (const key of ['paper', 'zhejiang', 'nope']) {
      const error = await service.assertKey('industries', key, 'company.industry').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).details).toEqual([expect.objectContaining({ field: 'company.industry' })]);
    }
  });

  it('reads the database once per 30 seconds, and again at once after invalidate()', async () => {
    const { repository, calls } = fakeRepository(rows);
    const service = new DictionariesService(repository);
    await Promise.all([service.assertKey('industries', 'textile', 'industry'), service.isLiveKey('regions', 'zhejiang')]);
    expect(calls.find).toBe(1);
    now += DICTIONARY_CACHE_TTL_MS - 1;
    await service.assertKey('industries', 'textile', 'industry');
    expect(calls.find).toBe(1);
    now += 2;
    await service.assertKey('industries', 'textile', 'industry');
    expect(calls.find).toBe(2);
    service.invalidate();
    await service.assertKey('industries', 'textile', 'industry');
    expect(calls.find).toBe(3);
  });

  it('labels keys in either language, retired ones included, and falls back to the key', async () => {
    const service = new DictionariesService(fakeRepository(rows).repository);
    expect(await service.labelOf('industries', 'paper', 'zh')).toBe('造纸');
    expect(await service.labelOf('industries', 'textile', 'en')).toBe('Textiles');
    expect(await service.labelOf('industries', 'unknown_key', 'en')).toBe('unknown_key');
    const view = await service.dictionaries('en');
    expect(view).toEqual({ industries: [{ key: 'textile', label: 'Textiles' }], channels: [], regions: [{ key: 'zhejiang', label: 'Zhejiang' }] });
  });
});
