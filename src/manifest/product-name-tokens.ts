/**
 * Product names as tokens that compare across systems: lower case, no accents or apostrophes
 * ("Freddy's" → "freddys"), punctuation as spaces, sizes in one spelling ("3.5 g", "3.50g",
 * "3.5 grams" and "1/8 oz" are all "3.5g"; "10 pack" and "10pk" are "10pk"), and a few
 * product words folded to one form ("carts" → "cartridge").
 */
export function productNameTokens(name: string): string[] {
  const text = withoutAccents(name)
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/(\d)\s*x\s*(?=\d|\.\d)/g, '$1 x ')
    .replace(
      /\b(\d+)\s*\/\s*(\d+)\s*(oz|ounces?)\b/g,
      (all, top, bottom) => ounceFraction(`${top}/${bottom}`) ?? all,
    )
    .replace(/\beighth\b/g, '3.5g')
    .replace(/\bpre[\s-]?rolls?\b/g, 'preroll')
    .replace(/(^|[^\d])\.(\d)/g, '$1 0.$2')
    .replace(/[^a-z0-9./]+/g, ' ')
    .replace(/(?<!\d)[./]|[./](?!\d)/g, ' ')
    .replace(MEASURE, (_all, amount: string, unit: string) => measure(amount, unit));

  return text
    .split(/\s+/)
    .map((token) => WORD_FORMS[token] ?? token)
    .filter((token) => token !== '' && !STOP_WORDS.has(token));
}

/** Most catalog names are plain ASCII, and NFKD is the slowest step of indexing 17,000 names. */
function withoutAccents(name: string): string {
  if (!/[^\x00-\x7f]/.test(name)) return name;

  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** A token that is an amount and a unit ("3.5g", "100mg", "10pk"), split in two; else null. */
export function measureOf(token: string): { amount: string; unit: string } | null {
  const match = /^(\d+(?:\.\d+)?)(g|mg|ml|oz|lb|kg|pk)$/.exec(token);

  return match ? { amount: match[1], unit: match[2] } : null;
}

/** `tokens` without a leading run equal to `prefix` (a brand or sender name). */
export function withoutPrefix(tokens: readonly string[], prefix: readonly string[]): string[] {
  if (prefix.length === 0 || prefix.length >= tokens.length) return [...tokens];

  const matches = prefix.every((token, position) => tokens[position] === token);

  return matches ? tokens.slice(prefix.length) : [...tokens];
}

/** Company-name tokens that say nothing about a brand, dropped from prefixes. */
export function brandPrefixTokens(name: string | null): string[] {
  if (name === null) return [];

  return productNameTokens(name).filter((token) => !COMPANY_SUFFIXES.has(token));
}

const MEASURE =
  /\b(\d*\.?\d+)\s*(grams?|gr|gm|g|milligrams?|mg|milliliters?|ml|ounces?|oz|lbs?|kg|packs?|pk|ct|count)\b/g;

const UNIT_SPELLINGS: Readonly<Record<string, string>> = {
  gram: 'g',
  grams: 'g',
  gr: 'g',
  gm: 'g',
  milligram: 'mg',
  milligrams: 'mg',
  milliliter: 'ml',
  milliliters: 'ml',
  ounce: 'oz',
  ounces: 'oz',
  lbs: 'lb',
  pack: 'pk',
  packs: 'pk',
  ct: 'pk',
  count: 'pk',
};

function measure(amount: string, unit: string): string {
  const canonicalUnit = UNIT_SPELLINGS[unit] ?? unit;
  const canonicalAmount = String(Number(amount));

  // An ounce of flower is sold as 28 g, so "1 oz" and "28g" are the same product.
  if (canonicalUnit === 'oz' && canonicalAmount === '1') return '28g';

  return `${canonicalAmount}${canonicalUnit}`;
}

/** Fractions of an ounce as dispensaries sell them: an eighth is 3.5 g. */
function ounceFraction(fraction: string): string | undefined {
  return { '1/8': '3.5g', '1/4': '7g', '1/2': '14g' }[fraction];
}

const WORD_FORMS: Readonly<Record<string, string>> = {
  gummy: 'gummies',
  cart: 'cartridge',
  carts: 'cartridge',
  cartridges: 'cartridge',
  pods: 'pod',
  joints: 'joint',
  prerolls: 'preroll',
  dispo: 'disposable',
  disposables: 'disposable',
  edibles: 'edible',
  chocolates: 'chocolate',
  flowers: 'flower',
};

const STOP_WORDS = new Set(['x', 'the', 'and', 'of', 'a', 'with', 'w']);
const COMPANY_SUFFIXES = new Set(['llc', 'inc', 'co', 'corp', 'ltd', 'company', 'incorporated']);
