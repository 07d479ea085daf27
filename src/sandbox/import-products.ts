import { formatDecimal, parseDecimal } from '../util/decimal';
import { SandboxError } from './errors';
import { findLsp } from './seed';
import type { SandboxState } from './state';
import type { SandboxProduct, SandboxProductInput } from './types';

/**
 * Adds products to an LSP's catalog as someone would in Dutchie's product master: new ids,
 * visible to get-products-lite, get-product-details-v2 and receives at once. Every input is
 * checked before any is added, so a bad row adds nothing.
 */
export function importProducts(
  state: SandboxState,
  lspId: number,
  inputs: SandboxProductInput[],
): SandboxProduct[] {
  if (!findLsp(lspId)) {
    throw new SandboxError('SANDBOX_UNKNOWN_LSP', `importProducts: no LSP ${lspId} in the seed`);
  }

  const checked = inputs.map((input, index) => {
    if (typeof input?.name !== 'string' || input.name.trim() === '') {
      throw new SandboxError('SANDBOX_BAD_PRODUCT', `importProducts: product ${index} has no name`);
    }

    const netWeight = input.netWeight == null ? null : parseDecimal(input.netWeight);
    if (input.netWeight != null && netWeight === null) {
      throw new SandboxError(
        'SANDBOX_BAD_PRODUCT',
        `importProducts: product ${index} has netWeight '${input.netWeight}', not a decimal`,
      );
    }

    return { input, netWeight: netWeight && formatDecimal(netWeight) };
  });

  return checked.map(({ input, netWeight }) => {
    const unitId = input.unitId ?? 1;
    const stored = state.addProduct({
      lspId,
      sku: input.sku ?? null,
      name: input.name,
      category: input.category ?? 'Uncategorized',
      masterCategory: input.masterCategory ?? input.category ?? 'Uncategorized',
      brand: input.brand ?? null,
      vendorId: input.vendorId ?? null,
      unitId,
      unitAbbreviation: unitId === 1 ? 'ea' : 'g',
      netWeight,
      variety: null,
    });

    return { productId: stored.productId, lspId, sku: stored.sku, name: stored.name };
  });
}
