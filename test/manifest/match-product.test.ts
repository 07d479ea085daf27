import { describe, expect, it } from 'vitest';
import { catalogNameIndex, matchProduct, productNameTokens } from '../../src/manifest';
import { catalogOf, type ProductRow } from './support/catalog';

const swallowtail = { brand: 'Swallowtail Cultivation', vendorId: 4101 };
const copperCanyon = { brand: 'Copper Canyon Farms', vendorId: 4105 };

/** A slice of an AZ catalog: one strain in several sizes and brands, and some filler. */
const ROWS: ProductRow[] = [
  {
    productId: 1,
    name: 'Swallowtail Cultivation - Blue Dream 3.5g',
    sku: 'SWC-FL-BD-035',
    ...swallowtail,
  },
  {
    productId: 2,
    name: 'Swallowtail Cultivation - Blue Dream 7g',
    sku: 'SWC-FL-BD-070',
    ...swallowtail,
  },
  {
    productId: 3,
    name: 'Swallowtail Cultivation - Blue Dream 1g',
    sku: 'SWC-FL-BD-010',
    ...swallowtail,
  },
  {
    productId: 4,
    name: 'Copper Canyon Farms - Blue Dream 3.5g',
    sku: 'CCF-FL-BD-035',
    ...copperCanyon,
  },
  {
    productId: 5,
    name: 'Swallowtail Cultivation - Gelato 3.5g',
    sku: 'SWC-FL-GE-035',
    ...swallowtail,
  },
  {
    productId: 6,
    name: 'Wyld - Marionberry Gummies 100mg',
    sku: 'WYLD-ED-MB-100',
    brand: 'Wyld',
    vendorId: 4102,
  },
  {
    productId: 7,
    name: 'Wyld - Marionberry Gummies 100mg (Old Packaging)',
    sku: 'WYLD-ED-MB-100',
    brand: 'Wyld',
    vendorId: 4102,
  },
  { productId: 8, name: 'Stiiizy - OG Kush Pod 0.5g', sku: null, brand: 'Stiiizy', vendorId: 4103 },
  { productId: 9, name: 'Blue Dream Smalls', sku: null },
  { productId: 10, name: 'Blue Dream Smalls', sku: null },
  ...Array.from({ length: 200 }, (_, i) => ({
    productId: 100 + i,
    name: `Filler Brand - Strain ${i} 3.5g`,
  })),
];

const catalog = catalogOf(ROWS);
const match = (
  name: string | null,
  extra: { sku?: string | null; senderNames?: string[]; vendorId?: number } = {},
) =>
  matchProduct(catalog, {
    name,
    sku: extra.sku ?? null,
    senderNames: extra.senderNames,
    vendorId: extra.vendorId,
  });

describe('product name normalization', () => {
  it('spells sizes one way: "3.5g", "3.5 g", "3.50 grams", "1/8 oz" and "eighth"', () => {
    for (const name of [
      'Blue Dream 3.5g',
      'Blue Dream 3.5 g',
      'BLUE DREAM 3.50 Grams',
      'Blue Dream 1/8 oz',
      'Blue Dream Eighth',
    ]) {
      expect(productNameTokens(name)).toEqual(['blue', 'dream', '3.5g']);
    }
  });

  it('drops case, accents, apostrophes and punctuation, and folds product words', () => {
    expect(productNameTokens("Freddy's FUEGO Pack - 3.75g (0.75g x 5)")).toEqual([
      'freddys',
      'fuego',
      'pack',
      '3.75g',
      '0.75g',
      '5',
    ]);
    expect(productNameTokens('Crème Brûlée Carts - .5G')).toEqual([
      'creme',
      'brulee',
      'cartridge',
      '0.5g',
    ]);
    expect(productNameTokens('Pre-Roll 2x0.5g 10 Pack')).toEqual(['preroll', '2', '0.5g', '10pk']);
    expect(productNameTokens('Liquid Gold Cartridge - High Chews. - 1g')).toEqual([
      'liquid',
      'gold',
      'cartridge',
      'high',
      'chews',
      '1g',
    ]);
  });
});

describe('matching a manifest line to a catalog product', () => {
  it('resolves by SKU first, whatever the name says', () => {
    const result = match('something else entirely', { sku: 'swc-fl-gE-035 ' });

    expect(result).toMatchObject({
      status: 'RESOLVED',
      matchedBy: 'sku',
      product: { productId: 5, score: 1 },
    });
  });

  it('lets the name decide between products sharing a SKU', () => {
    expect(match('Wyld Marionberry Gummies 100mg', { sku: 'WYLD-ED-MB-100' })).toMatchObject({
      status: 'RESOLVED',
      matchedBy: 'sku',
      product: { productId: 6 },
    });

    const unclear = match('Marionberry', { sku: 'WYLD-ED-MB-100' });
    expect(unclear.status).toBe('AMBIGUOUS');
    expect(unclear.candidates.map((candidate) => candidate.productId).sort()).toEqual([6, 7]);
  });

  it('falls back to the name when the SKU is unknown', () => {
    expect(match('Stiiizy OG Kush Pod .5g', { sku: 'NOT-IN-CATALOG' })).toMatchObject({
      status: 'RESOLVED',
      matchedBy: 'name',
      product: { productId: 8, score: 1 },
    });
  });

  it('resolves a name with or without the brand prefix the catalog puts first', () => {
    expect(match('Wyld Marionberry Gummies 100 mg').product?.productId).toBe(6);
    expect(match('Marionberry Gummies 100mg', { senderNames: ['Wyld'] }).product?.productId).toBe(
      6,
    );
    expect(match('OG Kush Pod 0.5 g', { vendorId: 4103 }).product?.productId).toBe(8);
  });

  it("resolves the sender's product among the same name of several brands", () => {
    expect(match('Blue Dream 3.5g').status).toBe('AMBIGUOUS');
    expect(
      match('Blue Dream 3.5g')
        .candidates.map((candidate) => candidate.productId)
        .sort(),
    ).toEqual([1, 4]);
    expect(match('Blue Dream 3.5g', { vendorId: 4105 }).product?.productId).toBe(4);
    expect(
      match('Blue Dream 3.5g', { senderNames: ['Swallowtail Cultivation, LLC'] }).product
        ?.productId,
    ).toBe(1);
    expect(match('Swallowtail Cultivation - Blue Dream - 3.5g').product?.productId).toBe(1);
  });

  it('keeps two catalog products with one name ambiguous, scored 1 each', () => {
    const result = match('blue dream smalls');

    expect(result.status).toBe('AMBIGUOUS');
    expect(result.candidates).toEqual([
      { productId: 9, name: 'Blue Dream Smalls', sku: null, score: 1 },
      { productId: 10, name: 'Blue Dream Smalls', sku: null, score: 1 },
    ]);
  });

  it('never resolves the right strain in the wrong size', () => {
    // Sizes are common words and weigh little: without the size rule this name scores 0.97.
    const premium = catalogOf([
      {
        productId: 5,
        name: 'Swallowtail Cultivation - Gelato Premium Indoor Flower 3.5g',
        ...swallowtail,
      },
      ...Array.from({ length: 200 }, (_, i) => ({
        productId: 100 + i,
        name: `Filler - Strain ${i} ${i % 2 ? '7g' : '3.5g'}`,
      })),
    ]);
    const wrongSize = matchProduct(premium, {
      name: 'Swallowtail Cultivation - Gelato Premium Indoor Flower 7g',
      sku: null,
    });
    const rightSize = matchProduct(premium, {
      name: 'Gelato Premium Indoor Flower 3.5 g',
      sku: null,
    });

    expect(wrongSize.status).toBe('UNRESOLVED');
    expect(wrongSize.candidates.map((candidate) => [candidate.productId, candidate.score])).toEqual(
      [[5, 0.483]],
    );
    expect(rightSize).toMatchObject({ status: 'RESOLVED', product: { productId: 5, score: 1 } });
    expect(match('Swallowtail Cultivation - Blue Dream 14g').status).not.toBe('RESOLVED');
  });

  it("ranks the candidates of an ambiguous name best first, the sender's first on ties", () => {
    const result = match('Swallowtail Cultivation - Blue Dream - Popcorn Buds', { vendorId: 4101 });

    expect(result.status).toBe('AMBIGUOUS');
    const scores = result.candidates.map((candidate) => candidate.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(
      result.candidates
        .slice(0, 3)
        .map((candidate) => candidate.productId)
        .sort(),
    ).toEqual([1, 2, 3]);
  });

  it('leaves a name nothing resembles unresolved, with the nearest candidates', () => {
    const result = match('Stiiizy Watermelon Chews 20ct', { vendorId: 4103 });

    expect(result.status).toBe('UNRESOLVED');
    expect(result.product).toBeNull();
    expect(result.candidates[0]?.productId).toBe(8);
    expect(match(null).candidates).toEqual([]);
    expect(match('---').status).toBe('UNRESOLVED');
  });

  it('builds the name index once per catalog and again for a new catalog', () => {
    const first = catalogNameIndex(catalog);

    match('Blue Dream 3.5g');
    match('Gelato 3.5g');

    expect(catalogNameIndex(catalog)).toBe(first);
    expect(catalogNameIndex(catalogOf(ROWS))).not.toBe(first);
    expect(first.entries).toHaveLength(ROWS.length);
  });

  it('resolves in a catalog of 17,000 products', () => {
    const big = catalogOf([
      ...ROWS,
      ...Array.from({ length: 17_000 }, (_, i) => ({
        productId: 10_000 + i,
        name: `Brand ${i % 40} - Blue Dream x Cross ${i} ${['1g', '3.5g', '7g'][i % 3]}`,
        brand: `Brand ${i % 40}`,
      })),
    ]);

    expect(
      matchProduct(big, { name: 'Swallowtail Cultivation - Blue Dream 3.5g', sku: null }).product
        ?.productId,
    ).toBe(1);
    expect(
      matchProduct(big, { name: 'Brand 7 - Blue Dream x Cross 7047 1g', sku: null }).product
        ?.productId,
    ).toBe(17_047);
  });
});
