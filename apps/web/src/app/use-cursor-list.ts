import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { QueryParams } from '../api/query';
import type { Page } from '../api/types';

export interface CursorList<T> {
  items: T[];
  loading: boolean;
  error: Error | null;
  hasMore: boolean;
  loadMore(): void;
  reload(): void;
  /** Replaces one item in place (after an edit), or drops it when `next` is null. */
  update(id: string, next: T | null): void;
  /** the whole last page answer (lists with extra fields, e.g. funds' `total`) */
  last: (Page<T> & Record<string, unknown>) | null;
}

/**
 * A server-paged list (`?limit=&cursor=` → `{items, nextCursor}`): the first page for the filters, then
 * "load more" appends the next one. Changing the filters or the language starts over.
 */
export function useCursorList<T extends { id: string }>(path: string | null, params: QueryParams = {}, limit = 20, refreshKey = 0): CursorList<T> {
  const { i18n } = useTranslation();
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [last, setLast] = useState<CursorList<T>['last']>(null);
  const [generation, setGeneration] = useState(0);
  const request = useRef(0);
  const key = JSON.stringify(params);

  const fetchPage = useCallback(
    (after: string | null, append: boolean) => {
      if (!path) return;
      const id = ++request.current;
      setLoading(true);
      setError(null);
      api.get<Page<T> & Record<string, unknown>>(path, { ...JSON.parse(key), limit, cursor: after })
        .then((page) => {
          if (id !== request.current) return;
          setItems((prev) => (append ? [...prev, ...page.items] : page.items));
          setCursor(page.nextCursor);
          setLast(page);
        })
        .catch((e: Error) => id === request.current && setError(e))
        .finally(() => id === request.current && setLoading(false));
    },
    [path, key, limit],
  );

  useEffect(() => {
    setItems([]);
    setCursor(null);
    fetchPage(null, false);
  }, [fetchPage, generation, refreshKey, i18n.language]);

  return {
    items,
    loading,
    error,
    hasMore: cursor !== null,
    last,
    loadMore: () => cursor && !loading && fetchPage(cursor, true),
    reload: () => setGeneration((g) => g + 1),
    update: (id, next) => setItems((prev) => (next ? prev.map((item) => (item.id === id ? next : item)) : prev.filter((item) => item.id !== id))),
  };
}
