import { Injectable, PipeTransform } from '@nestjs/common';
import type { DictionaryKind } from '@zs/db';
import { validationError } from '@zs/domain';

export const DICTIONARY_KINDS = ['industries', 'channels', 'regions'] as const satisfies readonly DictionaryKind[];

export const DICTIONARY_KIND_LABELS: Record<DictionaryKind, string> = {
  industries: '产业类别',
  channels: '招商方式',
  regions: '来源地区',
};

/** `:kind` is one of the dictionaries (400 naming `kind` otherwise). */
@Injectable()
export class DictionaryKindPipe implements PipeTransform<string, DictionaryKind> {
  transform(value: string): DictionaryKind {
    if ((DICTIONARY_KINDS as readonly string[]).includes(value)) return value as DictionaryKind;
    throw validationError('kind', `kind 须为 ${DICTIONARY_KINDS.join(' / ')} 之一 (unknown dictionary)`);
  }
}
