import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DictionaryEntry, type DictionaryKind } from '@zs/db';
import { DomainError, ErrorCode, validationError } from '@zs/domain';
import { Repository } from 'typeorm';
import type { Actor } from '../common/actor';
import { notFound, updateWithVersion } from '../common/optimistic-update';
import { CreateDictionaryEntryDto, UpdateDictionaryEntryDto } from './dto/dictionary.dto';
import { DICTIONARY_KIND_LABELS, DICTIONARY_KINDS } from './dictionary-kind.pipe';
import { DictionariesView, DictionaryEntryView, toDictionaryEntryView, toDictionaryItemView } from './dictionary.view';
import type { Language } from './language';

/** How long a process trusts its in-memory copy; admin edits in the same process invalidate it at once. */
export const DICTIONARY_CACHE_TTL_MS = 30_000;

type Snapshot = { loadedAt: number; byKind: Map<DictionaryKind, DictionaryEntry[]> };

/**
 * The editable dictionaries (industries, channels, regions). Other modules validate their `industry`,
 * `channel` and `originRegion` values with `assertKey` and read labels with `labelOf` / `labels`.
 */
@Injectable()
export class DictionariesService {
  private snapshot: Snapshot | null = null;
  private loading: Promise<Snapshot> | null = null;

  constructor(@InjectRepository(DictionaryEntry) private readonly entries: Repository<DictionaryEntry>) {}

  /** `GET /api/dictionaries`: live entries (retired too with `includeRetired`), labelled in `language`. */
  async dictionaries(language: Language, includeRetired = false): Promise<DictionariesView> {
    const { byKind } = await this.load();
    const pick = (kind: DictionaryKind) =>
      (byKind.get(kind) ?? [])
        .filter((entry) => includeRetired || entry.retiredAt === null)
        .map((entry) => toDictionaryItemView(entry, language, includeRetired));
    return { industries: pick('industries'), channels: pick('channels'), regions: pick('regions') };
  }

  /** Every entry of one dictionary with its version, retired ones included (for editing). */
  async entriesOf(kind: DictionaryKind): Promise<DictionaryEntryView[]> {
    const { byKind } = await this.load();
    return (byKind.get(kind) ?? []).map(toDictionaryEntryView);
  }

  async add(_actor: Actor, kind: DictionaryKind, dto: CreateDictionaryEntryDto): Promise<DictionaryEntryView> {
    if (await this.entries.existsBy({ kind, key: dto.key })) throw duplicateKey(dto.key);
    let sortOrder = dto.sortOrder;
    if (sortOrder === undefined) {
      const [row] = await this.entries.query(`SELECT coalesce(max(sort_order), 0) + 10 AS next FROM dictionary_entries WHERE kind = $1`, [kind]);
      sortOrder = Number(row.next);
    }
    try {
      const saved = await this.entries.save(this.entries.create({ kind, key: dto.key, labelZh: dto.labelZh, labelEn: dto.labelEn, sortOrder, retiredAt: null }));
      return toDictionaryEntryView(saved);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw duplicateKey(dto.key);
      throw error;
    } finally {
      this.invalidate();
    }
  }

  async update(_actor: Actor, kind: DictionaryKind, key: string, dto: UpdateDictionaryEntryDto): Promise<DictionaryEntryView> {
    const entry = await this.entries.findOneBy({ kind, key });
    if (!entry) throw notFound('字典项');
    const changes: Partial<DictionaryEntry> = {};
    if (dto.labelZh !== undefined) changes.labelZh = dto.labelZh;
    if (dto.labelEn !== undefined) changes.labelEn = dto.labelEn;
    if (dto.sortOrder !== undefined) changes.sortOrder = dto.sortOrder;
    if (dto.retired !== undefined) changes.retiredAt = dto.retired ? (entry.retiredAt ?? new Date()) : null;
    try {
      await updateWithVersion(this.entries.manager, DictionaryEntry, entry.id, dto.version, changes);
    } finally {
      this.invalidate();
    }
    return toDictionaryEntryView(await this.entries.findOneByOrFail({ id: entry.id }));
  }

  /**
   * Throws a 400 naming `field` unless `key` is a live (not retired) key of the `kind` dictionary.
   * Served from the in-memory copy (refreshed every 30 s), so it is cheap to call on every write.
   */
  async assertKey(kind: DictionaryKind, key: string, field: string): Promise<void> {
    const { byKind } = await this.load();
    const entry = (byKind.get(kind) ?? []).find((e) => e.key === key);
    if (entry && entry.retiredAt === null) return;
    const what = DICTIONARY_KIND_LABELS[kind];
    throw validationError(
      field,
      entry
        ? `${what}“${key}”已停用 (retired ${kind} key)`
        : `未知的${what}：${key}，请使用 /api/dictionaries 中的 ${kind} 键 (unknown ${kind} key)`,
    );
  }

  /** Whether `key` is a live key of `kind` (no error). */
  async isLiveKey(kind: DictionaryKind, key: string): Promise<boolean> {
    const { byKind } = await this.load();
    return (byKind.get(kind) ?? []).some((e) => e.key === key && e.retiredAt === null);
  }

  /** The label of a key in `language`, retired keys included (history keeps them); the key itself if unknown. */
  async labelOf(kind: DictionaryKind, key: string, language: Language): Promise<string> {
    return (await this.labels(kind, language)).get(key) ?? key;
  }

  /** key → label of every entry of `kind` (retired ones included), in `language`. */
  async labels(kind: DictionaryKind, language: Language): Promise<Map<string, string>> {
    const { byKind } = await this.load();
    return new Map((byKind.get(kind) ?? []).map((e) => [e.key, language === 'en' ? e.labelEn : e.labelZh]));
  }

  /** Drops the in-memory copy; the next read reloads it. */
  invalidate(): void {
    this.snapshot = null;
    this.loading = null;
  }

  private async load(): Promise<Snapshot> {
    if (this.snapshot && Date.now() - this.snapshot.loadedAt < DICTIONARY_CACHE_TTL_MS) return this.snapshot;
    if (!this.loading) {
      const loading = this.fetch();
      this.loading = loading;
      loading.then(
        (snapshot) => { if (this.loading === loading) { this.snapshot = snapshot; this.loading = null; } },
        () => { if (this.loading === loading) this.loading = null; },
      );
    }
    return this.loading;
  }

  private async fetch(): Promise<Snapshot> {
    const loadedAt = Date.now();
    const rows = await this.entries.find({ order: { kind: 'ASC', sortOrder: 'ASC', key: 'ASC' } });
    const byKind = new Map<DictionaryKind, DictionaryEntry[]>(DICTIONARY_KINDS.map((kind) => [kind, []]));
    for (const row of rows) byKind.get(row.kind)?.push(row);
    return { loadedAt, byKind };
  }
}

function duplicateKey(key: string): DomainError {
  return new DomainError(ErrorCode.Duplicate, `字典键“${key}”已存在 (key already exists)`, [{ field: 'key', message: '字典键已存在 (duplicate key)' }]);
}
