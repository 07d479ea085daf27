import { z } from 'zod';
import type { Vendor } from '../models';
import { zInt, zOptionalText, zText } from './fields';
import { listData, parseWith } from './schema-mismatch';

/** VendorCode carries the vendor's state license number; names can repeat. */
const VendorListSchema = z.array(
  z.object({
    VendorId: zInt,
    VendorName: zText,
    VendorCode: zOptionalText,
  }),
);

export function parseVendors(data: unknown, locId: number): Vendor[] {
  return parseWith(VendorListSchema, listData(data)).map((row) => ({
    vendorId: row.VendorId,
    locId,
    name: row.VendorName,
    code: row.VendorCode,
  }));
}
