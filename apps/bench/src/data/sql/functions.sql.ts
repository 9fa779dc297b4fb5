import {
  BRAND_FIRST, BRAND_SECOND, CHANNELS, GIVEN_NAMES, INDUSTRIES, LEGAL_FORMS, REGIONS, SURNAMES,
} from '../vocabulary';
import { arr, lit, pickUniform, pickWeighted, pickWeightedIndex } from './sql-helpers';

/**
 * The generator's helper functions, created in the session's temporary schema (gone when it ends):
 * deterministic pseudo-random numbers and ids from row numbers, the names built from the vocabulary, and the
 * name-derived columns the app fills in TypeScript (`nameBigrams`, `normalizeCompanyName` of @zs/domain),
 * redone in SQL for the names generated here (checked against the TypeScript by check-names.ts).
 */
export function functionsSql(): string[] {
  const fn = (signature: string, returns: string, body: string) =>
    `CREATE OR REPLACE FUNCTION pg_temp.${signature} RETURNS ${returns} LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$ SELECT ${body} $fn$`;
  const industryCase = (pick: (industry: (typeof INDUSTRIES)[number]) => string) =>
    `CASE i ${INDUSTRIES.map((industry, index) => `WHEN ${index + 1} THEN ${pick(industry)}`).join(' ')} END`;
  return [
    // a uniform number in [0, 1) from a key and a salt: the same key always gives the same number
    fn('h(k bigint, salt int)', 'float8', `(hashint8(k * 1009 + salt)::bigint & 2147483647)::float8 / 2147483648.0`),
    // a deterministic, version-4-shaped uuid: ids that other rows refer to are computed, not looked up
    fn('bid(kind text, k bigint)', 'uuid', `overlay(overlay(md5(kind || ':' || k) placing '4' from 13) placing '8' from 17)::uuid`),
    fn('industry_of(k bigint)', 'int', pickWeightedIndex(INDUSTRIES.map((i) => i.weight), 'pg_temp.h(k, 101)')),
    fn('industry_key(i int)', 'text', industryCase((industry) => lit(industry.key))),
    fn('industry_word(i int, u float8)', 'text', industryCase((industry) => pickUniform(industry.words, 'u'))),
    fn('product(i int, u float8)', 'text', industryCase((industry) => pickUniform(industry.products, 'u'))),
    fn('region_of(k bigint)', 'int', pickWeightedIndex(REGIONS.map((r) => r[2]), 'pg_temp.h(k, 102)')),
    fn('region_key(i int)', 'text', `(${arr(REGIONS.map((r) => r[0]))})[i]`),
    fn('region_prefix(i int)', 'text', `(${arr(REGIONS.map((r) => r[1]))})[i]`),
    fn('brand(k bigint)', 'text', `${pickUniform(BRAND_FIRST, 'pg_temp.h(k, 103)')} || ${pickUniform(BRAND_SECOND, 'pg_temp.h(k, 104)')}`),
    // 天齐锂业: what a company is called for short, and what its projects' names start with
    fn('company_short(k bigint)', 'text', `pg_temp.brand(k) || pg_temp.industry_word(pg_temp.industry_of(k), pg_temp.h(k, 105))`),
    // 四川天齐锂业股份有限公司
    fn('company_name(k bigint)', 'text', `pg_temp.region_prefix(pg_temp.region_of(k)) || pg_temp.company_short(k) || ${pickUniform(LEGAL_FORMS, 'pg_temp.h(k, 106)')}`),
    fn('person_name(k bigint, salt int)', 'text', `${pickUniform(SURNAMES, 'pg_temp.h(k, salt)')} || ${pickUniform(GIVEN_NAMES, 'pg_temp.h(k, salt + 1)')}`),
    fn('channel_of(u float8)', 'text', pickWeighted(CHANNELS.map((c) => lit(c[0])), CHANNELS.map((c) => c[1]), 'u')),
    fn('pipeline_stage(level int)', 'text', `(ARRAY['intention', 'negotiation', 'agreement', 'contract', 'land_delivered', 'construction', 'production'])[level + 1]`),
    // normalizeSearchText + nameBigrams of @zs/domain: NFKC, lower case, no spaces or punctuation, distinct bigrams
    fn('search_text(name text)', 'text', `lower(regexp_replace(normalize(name, NFKC), '[[:space:][:punct:]]', '', 'g'))`),
    // (plpgsql: five times faster here than a set-based SQL body; the same order as the TypeScript's Set)
    `CREATE OR REPLACE FUNCTION pg_temp.name_bigrams(name text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
       DECLARE s text := pg_temp.search_text(name); grams text[] := '{}'; gram text;
       BEGIN
         IF char_length(s) <= 1 THEN RETURN array_remove(ARRAY[s], ''); END IF;
         FOR i IN 1 .. char_length(s) - 1 LOOP
           gram := substr(s, i, 2);
           IF NOT gram = ANY(grams) THEN grams := grams || gram; END IF;
         END LOOP;
         RETURN grams;
       END $fn$`,
    // normalizeCompanyName of @zs/domain for Chinese names: legal-form words removed, longest first
    fn('company_name_norm(name text)', 'text', `left(regexp_replace(${['股份有限公司', '有限责任公司', '有限公司', '责任公司', '股份', '集团', '公司'].reduce(
      (expr, form) => `replace(${expr}, ${lit(form)}, '')`,
      `replace(replace(lower(normalize(name, NFKC)), '(中国)', ''), '(china)', '')`,
    )}, '[[:space:][:punct:]]', '', 'g'), 200)`),
    // a 统一社会信用代码 with a valid check character (GB 32100-2015), unique per k
    fn('credit_code(k bigint)', 'text', `(SELECT body || substr('0123456789ABCDEFGHJKLMNPQRTUWXY', ((31 - (sum((strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(body, j, 1)) - 1) * w[j]) % 31)) % 31 + 1)::int, 1)
        FROM (SELECT '91' || (ARRAY['510000', '320000', '330000', '440000', '310000', '110000'])[1 + (k % 6)::int] || lpad(k::text, 9, '0') AS body,
                     ARRAY[1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] AS w) c,
             generate_series(1, 17) j GROUP BY body)`),
  ];
}
