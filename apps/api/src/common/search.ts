import { nameBigrams } from '@zs/domain';

/**
 * `q` over a name, Chinese included: the GIN index on the name's character bigrams narrows the rows
 * (`@>` all of q's bigrams), then ILIKE confirms the substring. A one-character q has no bigram: ILIKE alone.
 */
export function nameSearch(alias: string, q: string, column = 'name', bigramColumn = 'name_bigrams'): { sql: string; params: Record<string, unknown> } {
  const like = `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const grams = nameBigrams(q).filter((g) => g.length === 2);
  if (!grams.length) return { sql: `${alias}.${column} ILIKE :qLike`, params: { qLike: like } };
  return {
    sql: `(${alias}.${bigramColumn} @> :qGrams::text[] AND ${alias}.${column} ILIKE :qLike)`,
    params: { qGrams: grams, qLike: like },
  };
}
