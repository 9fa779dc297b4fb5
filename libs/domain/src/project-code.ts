/** Our project code: `ZS-<year>-<sequence>`, the sequence zero-padded to at least 4 digits (ZS-2026-0001). */

export const PROJECT_CODE_PREFIX = 'ZS';
const PROJECT_CODE = /^ZS-(\d{4})-(\d{4,})$/;

export function formatProjectCode(year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`project code year must be a 4-digit integer, got ${year}`);
  }
  if (!Number.isSafeInteger(seq) || seq < 1) {
    throw new RangeError(`project code sequence must be a positive integer, got ${seq}`);
  }
  return `${PROJECT_CODE_PREFIX}-${year}-${String(seq).padStart(4, '0')}`;
}

/** The year and sequence of a code in canonical form; null for anything else (e.g. ZS-2026-00001). */
export function parseProjectCode(code: string): { year: number; seq: number } | null {
  const match = PROJECT_CODE.exec(code.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const seq = Number(match[2]);
  if (year < 1000 || seq < 1 || !Number.isSafeInteger(seq)) return null;
  return formatProjectCode(year, seq) === code.trim() ? { year, seq } : null;
}
