import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DictionaryEntry, DictionaryKind } from '@zs/db';
import { DICTIONARY_KINDS } from './dictionary-kind.pipe';
import type { Language } from './language';

/** One entry as forms and filters use it: the key and its label in the request's language. */
export class DictionaryItemView {
  @ApiProperty({ example: 'lithium_materials' }) key: string;
  @ApiProperty({ example: '锂电新材料' }) label: string;
  @ApiPropertyOptional({ description: 'only with ?includeRetired=true' }) retired?: boolean;
}

export class DictionariesView {
  @ApiProperty({ type: [DictionaryItemView] }) industries: DictionaryItemView[];
  @ApiProperty({ type: [DictionaryItemView] }) channels: DictionaryItemView[];
  @ApiProperty({ type: [DictionaryItemView] }) regions: DictionaryItemView[];
}

/** The full entry, as admins edit it. */
export class DictionaryEntryView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: DICTIONARY_KINDS }) kind: DictionaryKind;
  @ApiProperty() key: string;
  @ApiProperty() labelZh: string;
  @ApiProperty() labelEn: string;
  @ApiProperty() sortOrder: number;
  @ApiProperty() retired: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) retiredAt: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
  @ApiProperty() version: number;
}

export class DictionaryEntryList {
  @ApiProperty({ type: [DictionaryEntryView] }) items: DictionaryEntryView[];
}

export function toDictionaryItemView(entry: DictionaryEntry, language: Language, withRetired: boolean): DictionaryItemView {
  const item: DictionaryItemView = { key: entry.key, label: language === 'en' ? entry.labelEn : entry.labelZh };
  if (withRetired) item.retired = entry.retiredAt !== null;
  return item;
}

export function toDictionaryEntryView(entry: DictionaryEntry): DictionaryEntryView {
  return {
    id: entry.id,
    kind: entry.kind,
    key: entry.key,
    labelZh: entry.labelZh,
    labelEn: entry.labelEn,
    sortOrder: entry.sortOrder,
    retired: entry.retiredAt !== null,
    retiredAt: entry.retiredAt,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    version: entry.version,
  };
}
