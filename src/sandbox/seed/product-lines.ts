import { SEED_UNIT_IDS } from '../seed-facts';

/** How one kind of product is named, coded and sold; a brand sells one line. */
export interface ProductLine {
  /** The SKU's middle code: SWC-FL-BD-035. */
  skuCode: 'FL' | 'PR' | 'VP' | 'ED' | 'CN';
  masterCategory: string;
  /** Varieties are strains for plant products and flavors for edibles. */
  varieties: 'strains' | 'flavors';
  unitId: number;
  variants: readonly LineVariant[];
}

export interface LineVariant {
  label: string;
  code: string;
  category: string;
  netWeight: string | null;
}

const variant = (label: string, code: string, category: string, netWeight: string | null) => ({
  label,
  code,
  category,
  netWeight,
});

const flower: ProductLine = {
  skuCode: 'FL',
  masterCategory: 'Flower',
  varieties: 'strains',
  // Flower is sold by the gram: a package's quantity is its weight.
  unitId: SEED_UNIT_IDS.grams,
  variants: [
    variant('3.5g', '035', 'Flower', '3.5'),
    variant('1g', '010', 'Flower', '1'),
    variant('7g', '070', 'Flower', '7'),
    variant('14g', '140', 'Flower', '14'),
    variant('28g', '280', 'Flower', '28'),
  ],
};

const preRoll: ProductLine = {
  skuCode: 'PR',
  masterCategory: 'Pre-Rolls',
  varieties: 'strains',
  unitId: SEED_UNIT_IDS.each,
  variants: [
    variant('Pre-Roll 1g', '010', 'Pre-Rolls', '1'),
    variant('Pre-Roll 2pk 0.5g', '2PK', 'Pre-Roll Packs', '1'),
    variant('Infused Pre-Roll 1g', 'INF', 'Infused Pre-Rolls', '1'),
  ],
};

const cartridge: ProductLine = {
  skuCode: 'VP',
  masterCategory: 'Vapes',
  varieties: 'strains',
  unitId: SEED_UNIT_IDS.each,
  variants: [
    variant('Cart 0.5g', '050', 'Cartridges', '0.5'),
    variant('Cart 1g', '100', 'Cartridges', '1'),
    variant('Disposable 0.3g', 'D03', 'Disposables', '0.3'),
  ],
};

const pod: ProductLine = {
  skuCode: 'VP',
  masterCategory: 'Vapes',
  varieties: 'strains',
  unitId: SEED_UNIT_IDS.each,
  variants: [
    variant('Pod 1g', '100', 'Pods', '1'),
    variant('Pod 0.5g', '050', 'Pods', '0.5'),
    variant('Liquid Diamonds Pod 1g', 'LD1', 'Pods', '1'),
  ],
};

const concentrate: ProductLine = {
  skuCode: 'CN',
  masterCategory: 'Concentrates',
  varieties: 'strains',
  unitId: SEED_UNIT_IDS.each,
  variants: [
    variant('Live Resin 1g', 'LR1', 'Live Resin', '1'),
    variant('Badder 1g', 'BA1', 'Badder', '1'),
    variant('Shatter 1g', 'SH1', 'Shatter', '1'),
    variant('Sugar 1g', 'SU1', 'Sugar', '1'),
    variant('Rosin 1g', 'RO1', 'Rosin', '1'),
    variant('Diamonds 1g', 'DI1', 'Diamonds', '1'),
  ],
};

const gummies: ProductLine = {
  skuCode: 'ED',
  masterCategory: 'Edibles',
  varieties: 'flavors',
  unitId: SEED_UNIT_IDS.each,
  variants: [
    variant('Gummies 100mg', '100', 'Gummies', null),
    variant('Gummies 200mg', '200', 'Gummies', null),
    variant('CBD 1:1 Gummies 100mg', 'C11', 'Gummies', null),
    variant('Sugar-Free Gummies 100mg', 'SF1', 'Gummies', null),
  ],
};

const chocolate: ProductLine = {
  skuCode: 'ED',
  masterCategory: 'Edibles',
  varieties: 'flavors',
  unitId: SEED_UNIT_IDS.each,
  variants: [
    variant('Chocolate Bar 100mg', '100', 'Chocolates', null),
    variant('Chocolate Bar 200mg', '200', 'Chocolates', null),
    variant('Chocolate Squares 100mg', 'SQ1', 'Chocolates', null),
    variant('Chocolate Bites 50mg', '050', 'Chocolates', null),
  ],
};

export const PRODUCT_LINES = {
  flower,
  preRoll,
  cartridge,
  pod,
  concentrate,
  gummies,
  chocolate,
} as const;
export type ProductLineName = keyof typeof PRODUCT_LINES;

const BASE_STRAINS = [
  'Blue Dream',
  'Gelato',
  'Wedding Cake',
  'OG Kush',
  'Sour Diesel',
  'Girl Scout Cookies',
  'Gorilla Glue',
  'Zkittlez',
  'Runtz',
  'Ice Cream Cake',
  'Purple Punch',
  'Jack Herer',
  'Granddaddy Purple',
  'Pineapple Express',
  'Northern Lights',
  'Durban Poison',
  'Sherbert',
  'Mimosa',
  'Tangie',
  'Green Crack',
  'Strawberry Cough',
  'Lemon Haze',
  'Super Silver Haze',
  'Bubba Kush',
  'Cherry Pie',
  'Do-Si-Dos',
  'MAC',
  'Biscotti',
  'Apple Fritter',
  'London Pound Cake',
  'Cereal Milk',
  'Jealousy',
  'Peanut Butter Breath',
  'Slurricane',
  'Grease Monkey',
  'Animal Mints',
  'Kush Mints',
  'Forbidden Fruit',
  'Trainwreck',
  'White Widow',
  'AK-47',
  'Skywalker OG',
  'Tahoe OG',
  'Headband',
  'Chemdawg',
  'GMO Cookies',
  'Mendo Breath',
  'Lemon Cherry Gelato',
  'Gushers',
  'Oreoz',
  'Blueberry',
  'Banana Kush',
  'Papaya',
  'Maui Wowie',
  'Acapulco Gold',
  'Tropicana Cookies',
  'Orange Creamsicle',
  'Candyland',
  'Cookies and Cream',
  'Sundae Driver',
  'Black Cherry Punch',
  'Gary Payton',
  'Blue Zushi',
  'Permanent Marker',
  'Modified Grapes',
  'Garlic Cookies',
  'Platinum OG',
  'Triangle Kush',
  'Harlequin',
  'Cannatonic',
  'ACDC',
  'Sour Tangie',
  'Golden Goat',
  'Chernobyl',
  'Lava Cake',
  'Cherry Garcia',
  'Thin Mint',
  'Gelatti',
  'Hawaiian Snow',
  'Alien OG',
];

/** The base strains and as many crosses between them: 160 varieties for plant lines. */
export const STRAINS: readonly string[] = [
  ...BASE_STRAINS,
  ...BASE_STRAINS.map((strain, i) => {
    const partner = BASE_STRAINS[(i * 7 + 11) % BASE_STRAINS.length];

    return partner === strain ? `${strain} #2` : `${strain} x ${partner}`;
  }),
];

/** Flavors with hand-picked codes, so WYLD-ED-MB-100 reads as Marionberry. */
export const FLAVORS: readonly (readonly [name: string, code: string])[] = [
  ['Marionberry', 'MB'],
  ['Raspberry', 'RA'],
  ['Huckleberry', 'HB'],
  ['Pear', 'PE'],
  ['Strawberry', 'ST'],
  ['Pomegranate', 'PO'],
  ['Elderberry', 'EB'],
  ['Sour Cherry', 'SC'],
  ['Peach', 'PC'],
  ['Mango', 'MA'],
  ['Watermelon', 'WM'],
  ['Blood Orange', 'BO'],
  ['Lemon', 'LE'],
  ['Lime', 'LI'],
  ['Grapefruit', 'GF'],
  ['Blackberry', 'BB'],
  ['Blueberry', 'BL'],
  ['Passion Fruit', 'PF'],
  ['Pineapple', 'PA'],
  ['Coconut', 'CO'],
  ['Green Apple', 'GA'],
  ['Grape', 'GR'],
  ['Tangerine', 'TA'],
  ['Kiwi', 'KI'],
  ['Guava', 'GU'],
  ['Lychee', 'LY'],
  ['Prickly Pear', 'PP'],
  ['Cranberry', 'CR'],
  ['Apricot', 'AP'],
  ['Plum', 'PL'],
  ['Cherry Lime', 'CL'],
  ['Sour Apple', 'SA'],
  ['Tropical Punch', 'TP'],
  ['Mixed Berry', 'MX'],
  ['Cinnamon', 'CI'],
  ['Mint', 'MI'],
  ['Salted Caramel', 'SL'],
  ['Toffee', 'TO'],
  ['Espresso', 'ES'],
  ['Dark Cherry', 'DC'],
];

/** Strain codes from initials (two letters for one word), numbered on collision. */
export const STRAIN_CODES: ReadonlyMap<string, string> = buildStrainCodes();

function buildStrainCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  const used = new Set<string>();

  for (const strain of STRAINS) {
    const words = strain.split(/[\s-]+/).filter((word) => word !== 'x' && word !== '');
    const letters = words.map((word) => (/^#?\d+$/.test(word) ? word.replace('#', '') : word[0]));
    let base = words.length === 1 ? words[0].slice(0, 2) : letters.join('');
    base = base.toUpperCase().replace(/[^A-Z0-9]/g, '');

    let code = base;
    for (let n = 2; used.has(code); n += 1) code = `${base}${n}`;
    used.add(code);
    codes.set(strain, code);
  }

  return codes;
}
