import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Dictionaries, DictionaryItem } from '../api/types';

type Kind = keyof Dictionaries;

interface DictionaryState {
  dictionaries: Dictionaries;
  /** The label of a key in the current language (the key itself while loading or when retired). */
  label(kind: Kind, key: string | null | undefined): string;
  options(kind: Kind): { value: string; label: string }[];
}

const EMPTY: Dictionaries = { industries: [], channels: [], regions: [] };
const DictionaryContext = createContext<DictionaryState | null>(null);

/** `/api/dictionaries` in the UI language (labels come from the API), reloaded when the language changes. */
export function DictionaryProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [dictionaries, setDictionaries] = useState<Dictionaries>(EMPTY);
  useEffect(() => {
    let live = true;
    api.get<Dictionaries>('/api/dictionaries', { includeRetired: true })
      .then((d) => live && setDictionaries(d))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [i18n.language]);

  const label = useCallback(
    (kind: Kind, key: string | null | undefined) => {
      if (!key) return '—';
      return dictionaries[kind].find((item) => item.key === key)?.label ?? key;
    },
    [dictionaries],
  );
  const options = useCallback(
    (kind: Kind) => dictionaries[kind].filter((item: DictionaryItem) => !item.retired).map((item) => ({ value: item.key, label: item.label })),
    [dictionaries],
  );
  return <DictionaryContext.Provider value={{ dictionaries, label, options }}>{children}</DictionaryContext.Provider>;
}

export function useDictionaries(): DictionaryState {
  const value = useContext(DictionaryContext);
  if (!value) throw new Error('useDictionaries outside DictionaryProvider');
  return value;
}
