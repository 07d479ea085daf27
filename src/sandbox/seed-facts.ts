import { SANDBOX_LOC_IDS } from './types';

/**
 * The well-known facts of the seed that tests across the project rely on. The seed generator
 * builds these rows first and verbatim, so every value here is what the sandbox serves; the
 * rest of the seed is generated around them from a fixed random seed.
 */

export const SEED_LSP_IDS = { az: 575, mi: 576, il: 805, nv: 820, mo: 723, oh: 901 } as const;

/**
 * The units the modelled database knows: `UnitId` 1 is "each", 3 is grams (what seed products
 * use), 2 milligrams and 4 ounces. The upstream has no endpoint that lists units, so a receive
 * line with any other `unitId` is first refused by the unit table's foreign key.
 */
export const SEED_UNIT_IDS = { each: 1, milligrams: 2, grams: 3, ounces: 4 } as const;

/**
 * THE LOCATION TRAP: `GetLspLocationsBackend` with an `LspId` filter returns the rows of a
 * different LSP, per this map (575 shows only IL, hiding the AZ sandbox). An LspId that is not
 * a key answers an empty list; no filter ever answers the full list.
 */
export const LSP_FILTER_TRAP: Readonly<Record<number, number>> = {
  575: 805,
  805: 723,
  723: 576,
  576: 820,
  820: 901,
  901: 575,
};

/** The four rooms at LocId 1989; Sales Floor is a POS room that holds no inventory. */
export const AZ_SANDBOX_ROOMS = {
  vault: 24771,
  backStock: 24772,
  salesFloor: 24773,
  quarantine: 24774,
} as const;
export const AZ_SANDBOX_NON_INVENTORY_ROOM_ID = AZ_SANDBOX_ROOMS.salesFloor;

/** Rooms at the OH sandbox 2869 (all inventory rooms). The IL sandbox 2862 has none. */
export const OH_SANDBOX_ROOMS = { vault: 25101, salesFloor: 25102, receiving: 25103 } as const;

/** AZ vendors, listed by get-vendors at every AZ location (1989 included). */
export const AZ_VENDORS = {
  swallowtail: { vendorId: 4101, name: 'Swallowtail Cultivation', code: '00000117ESVO00793283' },
  wyld: { vendorId: 4102, name: 'Wyld', code: '00000143ESGT00815590' },
  stiiizy: { vendorId: 4103, name: 'Stiiizy', code: '00000158ESRK00842217' },
  saguaroExtracts: { vendorId: 4104, name: 'Saguaro Extracts', code: '00000161ESPD00861045' },
  copperCanyon: { vendorId: 4105, name: 'Copper Canyon Farms', code: '00000164ESFT00870391' },
  monsoonEdibles: { vendorId: 4106, name: 'Monsoon Edibles', code: '00000170ESJC00889126' },
  desertSun: { vendorId: 4107, name: 'Desert Sun Distribution', code: '00000176ESLB00903342' },
  /** Same name as `desertSun`, a second licensed entity: vendor names repeat upstream. */
  desertSunSecond: {
    vendorId: 4108,
    name: 'Desert Sun Distribution',
    code: '00000189ESMW00927781',
  },
  highNoon: { vendorId: 4109, name: 'High Noon Rolls', code: '00000194ESYH00940668' },
  cloudNine: { vendorId: 4110, name: 'Cloud Nine Labs', code: '00000198ESZA00958804' },
} as const;
export const REPEATED_VENDOR_NAME = 'Desert Sun Distribution';

export const OH_VENDORS = {
  buckeye: { vendorId: 4601, name: 'Buckeye Botanicals', code: 'MMCPC00184' },
} as const;

export const IL_VENDORS = {
  prairieState: { vendorId: 4301, name: 'Prairie State Cultivators', code: '1503060682-CG' },
} as const;

export interface KnownProduct {
  productId: number;
  lspId: number;
  sku: string;
  name: string;
  category: string;
  masterCategory: string;
  brand: string;
  vendorId: number;
  unitId: number;
  unitAbbreviation: string;
  netWeight: string | null;
}

const swallowtail = (productId: number, sku: string, strain: string, grams: string) => ({
  productId,
  lspId: SEED_LSP_IDS.az,
  sku,
  name: `Swallowtail Cultivation - ${strain} ${grams}g`,
  category: 'Flower',
  masterCategory: 'Flower',
  brand: 'Swallowtail Cultivation',
  vendorId: AZ_VENDORS.swallowtail.vendorId,
  unitId: SEED_UNIT_IDS.grams,
  unitAbbreviation: 'g',
  netWeight: grams,
});

const wyld = (productId: number, lspId: number, vendorId: number, sku: string, name: string) => ({
  productId,
  lspId,
  sku,
  name,
  category: 'Gummies',
  masterCategory: 'Edibles',
  brand: 'Wyld',
  vendorId,
  unitId: SEED_UNIT_IDS.each,
  unitAbbreviation: 'ea',
  netWeight: null,
});

const stiiizy = (productId: number, sku: string, strain: string, grams: string) => ({
  productId,
  lspId: SEED_LSP_IDS.az,
  sku,
  name: `Stiiizy - ${strain} Pod ${grams}g`,
  category: 'Pods',
  masterCategory: 'Vapes',
  brand: 'Stiiizy',
  vendorId: AZ_VENDORS.stiiizy.vendorId,
  unitId: SEED_UNIT_IDS.each,
  unitAbbreviation: 'ea',
  netWeight: grams,
});

/** Products built first into their LSP's catalog, with exactly these values. */
export const KNOWN_PRODUCTS = {
  swallowtailBlueDream: swallowtail(310001, 'SWC-FL-BD-035', 'Blue Dream', '3.5'),
  swallowtailGelato: swallowtail(310002, 'SWC-FL-GE-035', 'Gelato', '3.5'),
  swallowtailWeddingCake: swallowtail(310003, 'SWC-FL-WC-280', 'Wedding Cake', '28'),
  wyldMarionberry: wyld(
    310004,
    575,
    AZ_VENDORS.wyld.vendorId,
    'WYLD-ED-MB-100',
    'Wyld - Marionberry Gummies 100mg',
  ),
  /** Shares its SKU with `wyldMarionberry`: see AMBIGUOUS_SKU. */
  wyldMarionberryOldPackaging: wyld(
    310005,
    575,
    AZ_VENDORS.wyld.vendorId,
    'WYLD-ED-MB-100',
    'Wyld - Marionberry Gummies 100mg (Old Packaging)',
  ),
  wyldRaspberry: wyld(
    310006,
    575,
    AZ_VENDORS.wyld.vendorId,
    'WYLD-ED-RA-100',
    'Wyld - Raspberry Gummies 100mg',
  ),
  stiiizyBlueDream: stiiizy(310007, 'STZ-VP-BD-100', 'Blue Dream', '1'),
  stiiizyOgKush: stiiizy(310008, 'STZ-VP-OK-050', 'OG Kush', '0.5'),
  ilPrairieBlueDream: {
    productId: 530001,
    lspId: SEED_LSP_IDS.il,
    sku: 'PSC-FL-BD-035',
    name: 'Prairie State Cultivators - Blue Dream 3.5g',
    category: 'Flower',
    masterCategory: 'Flower',
    brand: 'Prairie State Cultivators',
    vendorId: IL_VENDORS.prairieState.vendorId,
    unitId: SEED_UNIT_IDS.grams,
    unitAbbreviation: 'g',
    netWeight: '3.5',
  },
  ohBuckeyeBlueDream: {
    productId: 860001,
    lspId: SEED_LSP_IDS.oh,
    sku: 'BKB-FL-BD-035',
    name: 'Buckeye Botanicals - Blue Dream 3.5g',
    category: 'Flower',
    masterCategory: 'Flower',
    brand: 'Buckeye Botanicals',
    vendorId: OH_VENDORS.buckeye.vendorId,
    unitId: SEED_UNIT_IDS.grams,
    unitAbbreviation: 'g',
    netWeight: '3.5',
  },
} as const satisfies Record<string, KnownProduct>;

/** One SKU deliberately carried by two AZ products, for ambiguous-SKU handling. */
export const AMBIGUOUS_SKU = {
  lspId: SEED_LSP_IDS.az,
  sku: 'WYLD-ED-MB-100',
  productIds: [
    KNOWN_PRODUCTS.wyldMarionberry.productId,
    KNOWN_PRODUCTS.wyldMarionberryOldPackaging.productId,
  ],
} as const;

/** Approximate catalog sizes are exact here: get-products-lite returns this many seed rows. */
export const SEED_CATALOG_SIZES: Readonly<Record<number, number>> = {
  575: 17_000,
  576: 4_200,
  805: 2_600,
  820: 2_100,
  723: 1_900,
  901: 2_400,
};

export interface KnownPackage {
  inventoryId: number;
  locId: number;
  packageId: string;
  productId: number;
  roomId: number;
  vendorId: number;
  /** Canonical decimal text. */
  quantity: string;
  /** True when get-inventory sends Quantity as a numeric string rather than a number. */
  quantityAsString: boolean;
  batchName: string;
  unitCost: string | null;
  /** Local time at the location, without an offset, as get-inventory sends it. */
  receivedDate: string;
}

/** Packages built first at LocId 1989, covering the shapes a reader must handle. */
export const KNOWN_PACKAGES_1989 = {
  /** A decimal gram quantity of Swallowtail flower in the Vault. */
  blueDream: {
    inventoryId: 198900001,
    locId: SANDBOX_LOC_IDS.az,
    packageId: '1A4000198900000000000001',
    productId: KNOWN_PRODUCTS.swallowtailBlueDream.productId,
    roomId: AZ_SANDBOX_ROOMS.vault,
    vendorId: AZ_VENDORS.swallowtail.vendorId,
    quantity: '448.5',
    quantityAsString: false,
    batchName: 'SWC-BD-261104',
    unitCost: '4.25',
    receivedDate: '2026-11-04T10:32:00',
  },
  /** Quantity arrives as the string "120". */
  stringQuantity: {
    inventoryId: 198900002,
    locId: SANDBOX_LOC_IDS.az,
    packageId: '1A4000198900000000000002',
    productId: KNOWN_PRODUCTS.wyldMarionberry.productId,
    roomId: AZ_SANDBOX_ROOMS.backStock,
    vendorId: AZ_VENDORS.wyld.vendorId,
    quantity: '120',
    quantityAsString: true,
    batchName: 'WY-261110-07',
    unitCost: '6.5',
    receivedDate: '2026-11-10T15:47:00',
  },
  /** Quantity 0: hidden by get-inventory unless IncludeZeroQuantity is true. */
  zeroQuantity: {
    inventoryId: 198900003,
    locId: SANDBOX_LOC_IDS.az,
    packageId: '1A4000198900000000000003',
    productId: KNOWN_PRODUCTS.stiiizyBlueDream.productId,
    roomId: AZ_SANDBOX_ROOMS.vault,
    vendorId: AZ_VENDORS.stiiizy.vendorId,
    quantity: '0',
    quantityAsString: false,
    batchName: 'STZ-261020-A',
    unitCost: '18',
    receivedDate: '2026-10-20T09:05:00',
  },
  /** BatchName "" and UnitCost null: the realistic gaps. */
  withGaps: {
    inventoryId: 198900004,
    locId: SANDBOX_LOC_IDS.az,
    packageId: '1A4000198900000000000004',
    productId: KNOWN_PRODUCTS.swallowtailWeddingCake.productId,
    roomId: AZ_SANDBOX_ROOMS.quarantine,
    vendorId: AZ_VENDORS.swallowtail.vendorId,
    quantity: '27.75',
    quantityAsString: false,
    batchName: '',
    unitCost: null,
    receivedDate: '2026-11-30T14:05:00',
  },
} as const satisfies Record<string, KnownPackage>;

/** Seeded packages at 1989, known ones included (zero-quantity rows among them). */
export const AZ_SANDBOX_PACKAGE_COUNT = 320;

/** Ids that exist, but not where a 1989 receive needs them: for foreign-key answers. */
export const FOREIGN_IDS = {
  /** An IL product: not in the AZ catalog. */
  productId: KNOWN_PRODUCTS.ilPrairieBlueDream.productId,
  /** A room at the OH sandbox 2869. */
  roomId: OH_SANDBOX_ROOMS.vault,
  /** No vendor has this id. */
  vendorId: 9999,
  /** No unit has this id (see SEED_UNIT_IDS); no upstream endpoint lists units. */
  unitId: 7,
} as const;

/** The Flagstaff store is listed but inactive. */
export { INACTIVE_LOC_ID } from './seed/locations';
