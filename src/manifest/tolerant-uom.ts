import { read, show, type Read } from './read-result';
import { readLowerText } from './tolerant-text';

/** The spec's units for `uom` and `unit_weight_uom`. */
export const SPEC_UNITS: readonly string[] = ['ml', 'mg', 'g', 'oz', 'lb', 'ea', 'kg'];

const SPELLINGS: Readonly<Record<string, string>> = {
  each: 'ea',
  unit: 'ea',
  units: 'ea',
  gram: 'g',
  grams: 'g',
  gm: 'g',
  gr: 'g',
  milligram: 'mg',
  milligrams: 'mg',
  ounce: 'oz',
  ounces: 'oz',
  milliliter: 'ml',
  milliliters: 'ml',
};

/** A unit as the spec spells it; other units are kept as sent, with a note. */
export function readUom(value: unknown): Read<string | null> {
  const text = readLowerText(value);
  if (text.value === null) return text;

  const unit = SPELLINGS[text.value] ?? text.value;
  if (SPEC_UNITS.includes(unit)) return read(unit, ...text.notes);

  return read(unit, {
    code: 'UOM_UNKNOWN',
    fragment: `${show(text.value)} is not one of the spec's units (${SPEC_UNITS.join(', ')})`,
  });
}
