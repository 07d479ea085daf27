import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphYoga } from '../../src/schema/graph-yoga';
import { printSchemaSdl } from '../../src/schema/index';
import { KNOWN_PACKAGES_1989, KNOWN_PRODUCTS } from '../../src/sandbox';
import { BatchRecorder } from './support/batch-recorder';
import { createErpSchema, ERP_SDL, odooRecord } from './support/erp-subgraph';
import { startGraphHarness, type GraphHarness } from './support/graph-harness';
import { serveOnLoopback } from './support/serve';

const PRICE_LIST = [
  KNOWN_PRODUCTS.swallowtailBlueDream.productId,
  KNOWN_PRODUCTS.wyldRaspberry.productId,
  KNOWN_PRODUCTS.stiiizyOgKush.productId,
];

describe('the read graph as an Apollo Federation v2 subgraph', () => {
  let harness: GraphHarness;
  let recorder: BatchRecorder;
  let servers: { url: string; close: () => Promise<void> }[];
  let gateway: ReturnType<typeof createGatewayRuntime>;

  beforeAll(async () => {
    harness = await startGraphHarness({ sandbox: { callsPerMinute: 0 } });
    recorder = new BatchRecorder();
    const backoffice = await serveOnLoopback(
      createGraphYoga({
        services: harness.services,
        contextOptions: () => ({ onBatch: recorder.observer }),
      }),
    );
    const erp = await serveOnLoopback(
      createYoga({ schema: createErpSchema(PRICE_LIST), logging: false }),
    );
    servers = [backoffice, erp];

    const composition = composeServices([
      { name: 'backoffice', typeDefs: parse(printSchemaSdl()), url: backoffice.url },
      { name: 'erp', typeDefs: parse(ERP_SDL), url: erp.url },
    ]);
    expect(composition.errors).toBeUndefined();
    gateway = createGatewayRuntime({
      supergraph: composition.supergraphSdl!,
      transports: { http: import('@graphql-mesh/transport-http') },
      logging: false,
    });
  });

  afterAll(async () => {
    await gateway?.[Symbol.asyncDispose]?.();
    await Promise.all(servers.map((server) => server.close()));
    await harness.close();
  });

  async function gatewayQuery(query: string) {
    const response = await gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });

    return (await response.json()) as { data?: any; errors?: unknown[] };
  }

  it('composes with an ERP subgraph and answers one query across both', async () => {
    const result = await gatewayQuery(`{
      package(locId: 1989, packageId: "${KNOWN_PACKAGES_1989.blueDream.packageId}") {
        quantity
        product { sku name odooProductId standardPrice }
      }
    }`);
    const blueDream = KNOWN_PRODUCTS.swallowtailBlueDream;

    expect(result.errors).toBeUndefined();
    expect(result.data.package).toEqual({
      quantity: '448.5',
      product: {
        sku: blueDream.sku,
        name: blueDream.name,
        odooProductId: odooRecord(575, blueDream.productId).odooProductId,
        standardPrice: odooRecord(575, blueDream.productId).standardPrice,
      },
    });
  });

  it('resolves _entities from the gateway through one batched product loader call', async () => {
    recorder.batches.length = 0;
    const result = await gatewayQuery(`{
      erpPriceList(lspId: 575) { productId standardPrice name brand }
    }`);

    expect(result.errors).toBeUndefined();
    expect(result.data.erpPriceList.map((row: { name: string }) => row.name)).toEqual([
      KNOWN_PRODUCTS.swallowtailBlueDream.name,
      KNOWN_PRODUCTS.wyldRaspberry.name,
      KNOWN_PRODUCTS.stiiizyOgKush.name,
    ]);
    expect(recorder.of('product')).toEqual([PRICE_LIST.map((id) => ({ scope: 575, id }))]);
  });
});
