export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Before 1.2.0 some keys were capitalised (`Lab_result_id`, `Coa`, `Potency`), an editing
 * accident the spec later fixed. Keys are read lower-cased; when a document carries both
 * spellings, the lower-case one wins. Object.fromEntries defines keys as own data properties, so
 * a JSON key named `__proto__` stays a plain key.
 */
export function lowerKeys(value: unknown): unknown {
  if (!isRecord(value)) return value;

  const entries = Object.entries(value);
  const exact = entries.filter(([key]) => key === key.toLowerCase());
  const folded = entries
    .filter(([key]) => key !== key.toLowerCase())
    .map(([key, item]): [string, unknown] => [key.toLowerCase(), item])
    .filter(([key]) => !Object.hasOwn(value, key));

  return Object.fromEntries([...folded, ...exact]);
}
