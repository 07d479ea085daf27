import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

/**
 * A small ERP subgraph (an Odoo mirror) that extends the read graph's Product with what Odoo
 * knows about it, and lists a price list whose products the gateway completes from Backoffice.
 */
export const ERP_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])

  type Product @key(fields: "lspId productId") {
    lspId: Int!
    productId: Int!
    odooProductId: Int!
    standardPrice: String!
  }

  type Query {
    erpPriceList(lspId: Int!): [Product!]!
  }
`;

/** Odoo's record for a Backoffice product: a fixed mapping, so tests know the values. */
export function odooRecord(lspId: number, productId: number) {
  return {
    lspId,
    productId,
    odooProductId: 70_000 + (productId % 10_000),
    standardPrice: `${(productId % 97) + 0.5}`,
  };
}

export function createErpSchema(priceList: number[]) {
  return buildSubgraphSchema({
    typeDefs: parse(ERP_SDL),
    resolvers: {
      Query: {
        erpPriceList: (_root: unknown, args: { lspId: number }) =>
          priceList.map((productId) => odooRecord(args.lspId, productId)),
      },
      Product: {
        __resolveReference: (reference: { lspId: number; productId: number }) =>
          odooRecord(reference.lspId, reference.productId),
      },
    },
  });
}
