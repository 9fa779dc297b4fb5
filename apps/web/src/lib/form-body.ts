/**
 * The JSON body of a form's submit. Strings are trimmed; an empty field (undefined, null, '') is left out of a
 * create, and in an edit sent as `null` when it is one of the `clearable` fields — so that clearing 包抓领导 or a
 * date in the edit form clears it on the server instead of keeping the old value — and left out otherwise.
 */
export function formBody(values: object, options: { editing: boolean; clearable: readonly string[] }): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(values)) {
    const value = typeof raw === 'string' ? raw.trim() : raw;
    const empty = value === undefined || value === null || value === '';
    if (!empty) body[key] = value;
    else if (options.editing && options.clearable.includes(key)) body[key] = null;
  }
  return body;
}
