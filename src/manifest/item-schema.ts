import { z } from 'zod';
import { Decimal, type DecimalValue } from '../util/decimal';
import type { ManifestItem, ManifestLab, ManifestWarning } from './manifest-types';
import { combineLabStatuses, readLabStatus } from './lab-status';
import { readLabBlock, type LabBlock } from './read-lab-block';
import { NoteCollector, read, type Note, type Read } from './read-result';
import { priceSchema, quantitySchema, recordOf, requiredId } from './refusals';
import { readOptionalDecimal } from './tolerant-decimal';
import { readFlag } from './tolerant-flag';
import { readId, readLowerText, readText, readUrl } from './tolerant-text';
import { readUom } from './tolerant-uom';

const tolerant = <T>(reader: (value: unknown) => Read<T>) =>
  z.unknown().optional().transform(reader);

/** One element of `inventory_transfer_items`; unknown keys are dropped, never refused. */
export const itemSchema = recordOf(
  {
    inventory_id: requiredId('inventory_id', 'NO_INVENTORY_ID'),
    qty: quantitySchema,
    line_price: priceSchema('line_price'),
    product_price: priceSchema('product_price'),
    external_id: tolerant(readId),
    integrator_data: tolerant(readId),
    product_name: tolerant(readText),
    product_sku: tolerant(readText),
    strain_name: tolerant(readText),
    inventory_category: tolerant(readText),
    inventory_type: tolerant(readText),
    uom: tolerant(readUom),
    unit_weight: tolerant(readOptionalDecimal),
    unit_weight_uom: tolerant(readUom),
    is_sample: tolerant(readFlag),
    sample_type: tolerant(readLowerText),
    sample_source_id: tolerant(readId),
    is_medical: tolerant(readFlag),
    is_for_extraction: tolerant(readFlag),
    lab_result_passed: tolerant(readLabStatus),
    lab_result_link: tolerant(readUrl),
    lab_result_data: tolerant(readLabBlock),
  },
  'ITEM_NOT_AN_OBJECT',
  'an item',
);

export type ItemFields = z.output<typeof itemSchema>;

/** The item in its final form, its warnings phrased for a person ("line 3 qty ..."). */
export function buildItem(fields: ItemFields, index: number) {
  const notes = new NoteCollector();
  const take = <T>(field: Read<T>, key: keyof ItemFields & string) => notes.take(field, key);
  const isSample = take(fields.is_sample, 'is_sample') ?? false;

  const item: ManifestItem = {
    index,
    inventoryId: take(fields.inventory_id, 'inventory_id'),
    externalId: take(fields.external_id, 'external_id'),
    integratorData: take(fields.integrator_data, 'integrator_data'),
    productName: take(fields.product_name, 'product_name'),
    productSku: take(fields.product_sku, 'product_sku'),
    strain: take(fields.strain_name, 'strain_name'),
    inventoryCategory: take(fields.inventory_category, 'inventory_category'),
    inventoryType: take(fields.inventory_type, 'inventory_type'),
    quantity: take(fields.qty, 'qty'),
    uom: take(fields.uom, 'uom'),
    unitWeight: take(fields.unit_weight, 'unit_weight'),
    unitWeightUom: take(fields.unit_weight_uom, 'unit_weight_uom'),
    linePrice: notes.take(choosePrice(fields, isSample), ''),
    isSample,
    sampleType: take(fields.sample_type, 'sample_type'),
    sampleSourceId: take(fields.sample_source_id, 'sample_source_id'),
    isMedical: take(fields.is_medical, 'is_medical'),
    isForExtraction: take(fields.is_for_extraction, 'is_for_extraction'),
    lab: notes.take(combineLab(fields), ''),
  };

  if (item.productName === null) {
    const fragment = 'is missing; the line can only be matched by SKU or chosen by hand';
    notes.add({ code: 'PRODUCT_NAME_MISSING', path: 'product_name', fragment });
  }

  return { item, warnings: notes.notes.map((note) => lineWarning(index, note)) };
}

/**
 * `line_price` is the line total; 1.0 called it `product_price`, read the same way (a note
 * says so). A missing price on a sample is 0: samples travel free. On other lines it stays
 * null, which the line selection refuses rather than receive at a made-up cost.
 *
 * LIMITATION: no 1.0 document was at hand to confirm that product_price was a line total and
 * not a unit price; it is read as the field that replaced it, and the warning asks to check.
 */
function choosePrice(fields: ItemFields, isSample: boolean): Read<DecimalValue | null> {
  const linePrice = fields.line_price.value;
  if (linePrice !== null) return read(linePrice);

  const productPrice = fields.product_price.value;
  if (productPrice !== null) {
    return read(productPrice, {
      code: 'PRODUCT_PRICE_AS_LINE_TOTAL',
      path: 'product_price',
      fragment:
        '(1.0) is read as the line total: there is no line_price; check it is not a unit price',
    });
  }

  if (isSample) return read(new Decimal(0));

  return read(null, {
    code: 'PRICE_MISSING',
    path: 'line_price',
    fragment: 'is missing; the line cannot be received until its price is known',
  });
}

function combineLab(fields: ItemFields): Read<ManifestLab> {
  const block: LabBlock | null = fields.lab_result_data.value;
  const notes = new NoteCollector();
  const itemStatus = notes.take(fields.lab_result_passed, 'lab_result_passed');
  notes.take(fields.lab_result_data, 'lab_result_data');
  const statuses = [
    itemStatus,
    block?.status ?? null,
    ...(block?.results ?? []).map((r) => r.status),
  ];
  const known = statuses.filter((status) => status !== null);

  if (new Set(known).size > 1) {
    notes.add({
      code: 'LAB_STATUS_CONFLICT',
      path: 'lab_result_data',
      fragment: `says both ${[...new Set(known)].join(' and ')} across lab_result_passed, lab_result_status and lab_result_list; read as fail`,
    });
  }

  const first = block?.results[0];

  return notes.result<ManifestLab>({
    status: combineLabStatuses(statuses),
    resultId: block?.resultId ?? first?.resultId ?? null,
    coaUrl: block?.coaUrl ?? first?.coaUrl ?? null,
    resultUrl:
      notes.take(fields.lab_result_link, 'lab_result_link') ??
      block?.detailUrl ??
      first?.resultUrl ??
      null,
    results: block?.results ?? [],
    potency: block?.potency ?? [],
  });
}

function lineWarning(index: number, note: Note): ManifestWarning {
  const field = note.path ? ` ${note.path}` : '';

  return {
    code: note.code,
    message: `line ${index}${field} ${note.fragment}`,
    path: `$.inventory_transfer_items[${index}]${note.path ? `.${note.path}` : ''}`,
    lines: [index],
  };
}
