import { normalizeCreditCode } from './credit-code';

/**
 * Duplicate-lead rules (重复研判): the same investment reported twice, through two officers or two
 * channels. The database finds candidates (by credit code, mobile, name bigrams, pg_trgm similarity);
 * these functions decide and explain why two records look alike.
 */

// Legal-form words, longest first so that a longer form is removed before its parts.
const CHINESE_LEGAL_FORMS = ['股份有限公司', '有限责任公司', '有限公司', '责任公司', '股份', '集团', '公司'];
const ENGLISH_LEGAL_FORMS =
  /\b(?:co|company|corp|corporation|inc|incorporated|ltd|limited|llc|plc|gmbh|group|holdings?)\b\.?/g;
const CHINA_MARKER = /\((?:中国|china)\)/g;
const SPACE_AND_PUNCTUATION = /[\s\p{P}\p{S}]/gu;

/** Width-folded (NFKC), lower-cased text without whitespace or punctuation (half or full width). */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(SPACE_AND_PUNCTUATION, '');
}

/**
 * A company name reduced to what identifies it: legal-form words (有限公司, 股份, 集团, (中国), Co., Ltd.,
 * Inc., Group …), whitespace and punctuation removed, lower case. "天齐锂业股份有限公司" → "天齐锂业".
 */
export function normalizeCompanyName(name: string): string {
  let text = name.normalize('NFKC').toLowerCase().replace(CHINA_MARKER, '');
  for (const form of CHINESE_LEGAL_FORMS) text = text.split(form).join('');
  return text.replace(ENGLISH_LEGAL_FORMS, ' ').replace(SPACE_AND_PUNCTUATION, '');
}

/**
 * Distinct character bigrams of a name, for the GIN-indexed `nameBigrams` column and for `q`: a name
 * matches a `q` of 2+ characters when its bigrams contain all of `nameBigrams(q)`. The text is
 * normalised with `normalizeSearchText` (legal-form words are KEPT, so that `q=锂业股份` still finds
 * "天齐锂业股份有限公司" and project names are indexed as written). A one-character text gives [it].
 */
export function nameBigrams(name: string): string[] {
  const chars = Array.from(normalizeSearchText(name));
  if (chars.length <= 1) return chars;
  const bigrams = new Set<string>();
  for (let i = 0; i < chars.length - 1; i++) bigrams.add(chars[i] + chars[i + 1]);
  return [...bigrams];
}

/** Whether two positive amounts differ by at most `ratio` of the larger one (false if either is ≤ 0). */
export function amountsWithin(a: number, b: number, ratio = 0.2): boolean {
  if (!(a > 0) || !(b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) return false;
  const larger = Math.max(a, b);
  // The small tolerance absorbs binary float error at the boundary (100 vs 80 is within 20%).
  return Math.abs(a - b) <= ratio * larger * (1 + 1e-12);
}

/** Digits only, without a +86 / 0086 / 86 country prefix; '' when no digits are left. */
export function normalizeMobile(mobile: string): string {
  const digits = mobile.normalize('NFKC').replace(/\D/g, '');
  if (digits.startsWith('0086')) return digits.slice(4);
  if (digits.startsWith('86') && digits.length === 13) return digits.slice(2);
  return digits;
}

export const DUPLICATE_REASONS = ['credit_code', 'similar_name', 'investor_industry_amount', 'mobile'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** What a lead, company or project offers to the duplicate check. */
export interface DupSubject {
  name: string;
  creditCode?: string | null;
  companyId?: string | null;
  industry?: string | null;
  amount?: number | null;
  mobiles?: string[];
}

/** The similarity (pg_trgm `similarity()`) from which two names count as similar. */
export const SIMILAR_NAME_THRESHOLD = 0.6;

/**
 * Why `other` looks like a duplicate of `subject`, in the order of DUPLICATE_REASONS; [] when it does
 * not. `nameSimilarity` is the trigram similarity of the two names, computed by the database.
 */
export function duplicateReasons(subject: DupSubject, other: DupSubject, nameSimilarity: number): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];

  const codeA = subject.creditCode ? normalizeCreditCode(subject.creditCode) : '';
  const codeB = other.creditCode ? normalizeCreditCode(other.creditCode) : '';
  if (codeA !== '' && codeA === codeB) reasons.push('credit_code');

  const nameA = normalizeCompanyName(subject.name);
  const nameB = normalizeCompanyName(other.name);
  const sameName = nameA !== '' && nameA === nameB;
  if (sameName || nameSimilarity >= SIMILAR_NAME_THRESHOLD) reasons.push('similar_name');

  const sameInvestor = subject.companyId && other.companyId ? subject.companyId === other.companyId : sameName;
  const sameIndustry = !!subject.industry && subject.industry === other.industry;
  if (sameInvestor && sameIndustry && amountsWithin(subject.amount ?? 0, other.amount ?? 0)) {
    reasons.push('investor_industry_amount');
  }

  const mobilesA = new Set((subject.mobiles ?? []).map(normalizeMobile).filter((m) => m !== ''));
  if ((other.mobiles ?? []).some((m) => mobilesA.has(normalizeMobile(m)))) reasons.push('mobile');

  return reasons;
}
