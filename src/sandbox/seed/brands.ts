import type { ProductLineName } from './product-lines';

export interface SeedBrand {
  name: string;
  /** The SKU prefix, unique within an LSP. */
  code: string;
  line: ProductLineName;
  vendorId: number;
}

const brand = (name: string, code: string, line: ProductLineName, vendorId: number) => ({
  name,
  code,
  line,
  vendorId,
});

/**
 * Brands per LSP and the vendor each is bought from. The three sandbox vendors sell only their
 * own brand; distributors (Desert Sun, Lakeshore) carry several. Catalog generation takes one
 * product from each brand in turn, so the order here decides which ids a brand's products get.
 */
export const SEED_BRANDS: Readonly<Record<number, readonly SeedBrand[]>> = {
  575: [
    brand('Swallowtail Cultivation', 'SWC', 'flower', 4101),
    brand('Wyld', 'WYLD', 'gummies', 4102),
    brand('Stiiizy', 'STZ', 'pod', 4103),
    brand('Saguaro Extracts', 'SGX', 'concentrate', 4104),
    brand('Copper Canyon Farms', 'CCF', 'flower', 4105),
    brand('Monsoon Edibles', 'MNE', 'gummies', 4106),
    brand('Cloud Nine Labs', 'CNL', 'cartridge', 4110),
    brand('High Noon Rolls', 'HNR', 'preRoll', 4109),
    brand('Sonoran Roots', 'SNR', 'flower', 4107),
    brand('Verde Valley Growers', 'VVG', 'flower', 4107),
    brand('Mogollon Rim Gardens', 'MRG', 'flower', 4108),
    brand('Sky Island Farms', 'SIF', 'flower', 4108),
    brand('Painted Desert Flower', 'PDF', 'flower', 4105),
    brand('Red Rock Reserve', 'RRR', 'flower', 4108),
    brand('Sunset Vapor', 'SSV', 'cartridge', 4107),
    brand('Ocotillo Oils', 'OCO', 'cartridge', 4108),
    brand('Dry Heat Distillates', 'DHD', 'cartridge', 4104),
    brand('Javelina Carts', 'JVC', 'cartridge', 4110),
    brand('Monsoon Melts', 'MNM', 'concentrate', 4104),
    brand('Gila Gold', 'GLG', 'concentrate', 4107),
    brand('Canyon Crystal', 'CCR', 'concentrate', 4108),
    brand('Dust Devil Dabs', 'DDD', 'concentrate', 4104),
    brand('Tumbleweed Pre-Rolls', 'TWP', 'preRoll', 4109),
    brand('Roadrunner Rolls', 'RRL', 'preRoll', 4109),
    brand('Cactus Cones', 'CCN', 'preRoll', 4107),
    brand('Bisbee Blunts', 'BSB', 'preRoll', 4108),
    brand('Sidewinder Smokes', 'SWS', 'preRoll', 4109),
    brand('Prickly Pear Provisions', 'PPP', 'gummies', 4106),
    brand('Mesquite Confections', 'MSC', 'chocolate', 4106),
    brand('Sedona Sweets', 'SDS', 'chocolate', 4107),
    brand('Agave Bites', 'AGB', 'gummies', 4106),
  ],
  576: [
    brand('Great Lakes Growers', 'GLG', 'flower', 4203),
    brand('Wyld', 'WYLD', 'gummies', 4201),
    brand('Stiiizy', 'STZ', 'pod', 4202),
    brand('Motor City Melts', 'MCM', 'concentrate', 4204),
    brand('Mitten Made Edibles', 'MME', 'chocolate', 4205),
    brand('Peninsula Pines', 'PNP', 'flower', 4206),
    brand('Lakeshore Rolls', 'LSR', 'preRoll', 4206),
    brand('Huron Haze', 'HRH', 'cartridge', 4206),
    brand('Up North Flower', 'UNF', 'flower', 4203),
  ],
  805: [
    brand('Prairie State Cultivators', 'PSC', 'flower', 4301),
    brand('Windy City Extracts', 'WCE', 'concentrate', 4302),
    brand('Wyld', 'WYLD', 'gummies', 4303),
    brand('Second City Carts', 'SCC', 'cartridge', 4304),
    brand('Loop Rolls', 'LPR', 'preRoll', 4304),
  ],
  820: [
    brand('Mojave Growers', 'MJG', 'flower', 4401),
    brand('Neon Extracts', 'NEX', 'concentrate', 4402),
    brand('Stiiizy', 'STZ', 'pod', 4403),
    brand('Silver State Sweets', 'SSS', 'gummies', 4404),
    brand('Red Rock Rolls', 'RKR', 'preRoll', 4401),
  ],
  723: [
    brand('Ozark Cultivation', 'OZC', 'flower', 4501),
    brand('Gateway Extracts', 'GWX', 'concentrate', 4502),
    brand('Show Me Edibles', 'SME', 'chocolate', 4503),
    brand('Wyld', 'WYLD', 'gummies', 4504),
    brand('Arch Rolls', 'ARR', 'preRoll', 4501),
  ],
  901: [
    brand('Buckeye Botanicals', 'BKB', 'flower', 4601),
    brand('Cuyahoga Concentrates', 'CYC', 'concentrate', 4602),
    brand('Wyld', 'WYLD', 'gummies', 4603),
    brand('Lake Erie Labs', 'LEL', 'cartridge', 4604),
    brand('Buckeye Rolls', 'BKR', 'preRoll', 4601),
  ],
};

/** Each LSP's products get ids in their own block, so an id alone names its LSP. */
export const PRODUCT_ID_BASE: Readonly<Record<number, number>> = {
  575: 310000,
  576: 420000,
  805: 530000,
  820: 640000,
  723: 750000,
  901: 860000,
};
export const PRODUCT_ID_BLOCK = 100000;
