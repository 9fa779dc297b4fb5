// Pure: list filters → a query string, leaving out what is not set (an empty search box is no filter).

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue | readonly QueryValue[]>;

export function buildQuery(params: QueryParams | undefined): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values as QueryValue[]) {
      if (item === undefined || item === null) continue;
      if (typeof item === 'string' && item.trim() === '') continue;
      if (typeof item === 'number' && !Number.isFinite(item)) continue;
      search.append(key, typeof item === 'string' ? item.trim() : String(item));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
