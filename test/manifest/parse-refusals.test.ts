import { describe, expect, it } from 'vitest';
import { parseManifest, parseManifestJson } from '../../src/manifest';
import type { ManifestProblem, ParseManifestResult } from '../../src/manifest';
import { itemDocument, manifestDocument } from './support/documents';

function problemsOf(result: ParseManifestResult): ManifestProblem[] {
  if (result.ok) throw new Error('expected a refusal, the manifest was accepted');

  return result.problems;
}

const codesAndPaths = (result: ParseManifestResult) =>
  problemsOf(result).map(({ code, path }) => [code, path]);

describe('refusing what cannot be received', () => {
  it('refuses a manifest without a transfer id, naming the field and what arrived', () => {
    for (const transferId of [undefined, null, '', '   ', {}]) {
      const problems = problemsOf(parseManifest(manifestDocument({}, { transfer_id: transferId })));

      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ code: 'NO_TRANSFER_ID', path: '$.transfer_id' });
      expect(problems[0].message).toMatch(/^transfer_id is missing or empty \(got .+\)$/);
    }
  });

  it('refuses a manifest without items: missing, empty or not a list', () => {
    for (const items of [undefined, [], 'none', { 0: itemDocument() }]) {
      const document = { ...manifestDocument(), inventory_transfer_items: items };

      expect(codesAndPaths(parseManifest(document))).toEqual([
        ['NO_ITEMS', '$.inventory_transfer_items'],
      ]);
    }
  });

  it('refuses an item that is not an object', () => {
    const document = {
      ...manifestDocument(),
      inventory_transfer_items: [itemDocument(), 'line 2', null],
    };

    expect(codesAndPaths(parseManifest(document))).toEqual([
      ['ITEM_NOT_AN_OBJECT', '$.inventory_transfer_items[1]'],
      ['ITEM_NOT_AN_OBJECT', '$.inventory_transfer_items[2]'],
    ]);
  });

  it('refuses an item without inventory_id', () => {
    for (const inventoryId of [undefined, null, '', ' ']) {
      expect(codesAndPaths(parseManifest(manifestDocument({ inventory_id: inventoryId })))).toEqual(
        [['NO_INVENTORY_ID', '$.inventory_transfer_items[0].inventory_id']],
      );
    }
  });

  it('refuses a quantity of zero or below', () => {
    for (const qty of [0, '0', '0.00', -1, '-2.5']) {
      const problems = problemsOf(parseManifest(manifestDocument({ qty })));

      expect(problems).toEqual([
        {
          code: 'QUANTITY_NOT_POSITIVE',
          path: '$.inventory_transfer_items[0].qty',
          message: `qty must be above 0 (got ${typeof qty === 'string' ? `'${qty}'` : qty})`,
        },
      ]);
    }
  });

  it('refuses a quantity that is not a number, or missing', () => {
    for (const qty of ['ten', '', null, undefined, true, [5], '1e99999999999999999']) {
      expect(codesAndPaths(parseManifest(manifestDocument({ qty })))).toEqual([
        ['QUANTITY_NOT_NUMERIC', '$.inventory_transfer_items[0].qty'],
      ]);
    }
  });

  it('refuses a negative price, and a price that is not a number', () => {
    expect(codesAndPaths(parseManifest(manifestDocument({ line_price: -0.01 })))).toEqual([
      ['PRICE_NEGATIVE', '$.inventory_transfer_items[0].line_price'],
    ]);
    expect(codesAndPaths(parseManifest(manifestDocument({ line_price: 'free' })))).toEqual([
      ['PRICE_NOT_NUMERIC', '$.inventory_transfer_items[0].line_price'],
    ]);
    expect(
      codesAndPaths(
        parseManifest(manifestDocument({ line_price: undefined, product_price: '-$5.00' })),
      ),
    ).toEqual([['PRICE_NEGATIVE', '$.inventory_transfer_items[0].product_price']]);
  });

  it('refuses a document that is not an object, and text that is not JSON', () => {
    for (const document of [null, 42, 'manifest', [manifestDocument()]]) {
      expect(codesAndPaths(parseManifest(document))).toEqual([['NOT_AN_OBJECT', '$']]);
    }

    expect(codesAndPaths(parseManifestJson('{"transfer_id": '))).toEqual([['NOT_JSON', '$']]);
  });

  it('lists every problem of the document at once', () => {
    const document = {
      ...manifestDocument({}, { transfer_id: '' }),
      inventory_transfer_items: [
        itemDocument({ inventory_id: null, qty: 0 }),
        itemDocument(),
        itemDocument({ qty: 'x', line_price: -3 }),
        7,
      ],
    };

    expect(codesAndPaths(parseManifest(document))).toEqual([
      ['NO_TRANSFER_ID', '$.transfer_id'],
      ['NO_INVENTORY_ID', '$.inventory_transfer_items[0].inventory_id'],
      ['QUANTITY_NOT_POSITIVE', '$.inventory_transfer_items[0].qty'],
      ['QUANTITY_NOT_NUMERIC', '$.inventory_transfer_items[2].qty'],
      ['PRICE_NEGATIVE', '$.inventory_transfer_items[2].line_price'],
      ['ITEM_NOT_AN_OBJECT', '$.inventory_transfer_items[3]'],
    ]);
  });
});
