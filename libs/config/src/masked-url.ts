/** A connection URL with its password hidden, for printing (an unparsable one is not printed at all). */
export function maskedUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparsable URL)';
  }
}
