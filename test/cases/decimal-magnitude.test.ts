import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blueDream,
  RECEIVE,
  startCaseServer,
  vaultReceive,
  type CaseServer,
} from './support/case-server';

const PREVIEW = /* GraphQL */ `
  query Preview($manifest: JSON!) {
    previewManifest(locId: 1989, manifest: $manifest) {
      lines {
        quantity
        unitCost
        lineTotal
      }
    }
  }
`;

function stiiizyWith(field: string, value: unknown) {
  const url = new URL('../fixtures/manifests/stiiizy-2.1.0.json', import.meta.url);
  const manifest = JSON.parse(readFileSync(url, 'utf8'));
  manifest.inventory_transfer_items[0][field] = value;

  return manifest;
}

/**
 * "1e400" is a few bytes of numeric text whose exact decimal is 401 digits long, and
 * "1e100000000" one of a hundred million: written out, it took 25 s and 2.8 GB of one request.
 * Such a value is refused as it arrives, saying so, and is never written out.
 */
describe('decimals of absurd magnitude', () => {
  let app: CaseServer;

  beforeAll(async () => {
    app = await startCaseServer();
  });

  afterAll(async () => {
    await app?.close();
  });

  it.each(['1e400', '1e-400', '1e100000000', '-1e-100000000'])(
    'refuses the quantity "%s" as a decimal out of range, before the receive runs',
    async (quantity) => {
      const answer = await app.graphql(RECEIVE, {
        input: {
          ...vaultReceive('1989:magnitude', [blueDream('CASE-MAGNITUDE-1', quantity)]),
          dryRun: true,
        },
      });

      expect(answer.status).toBe(400);
      expect(answer.json.errors).toHaveLength(1);
      expect(answer.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(answer.json.errors[0].message).toContain(
        `Decimal cannot represent "${quantity}": more than 100 digits before or after the decimal point`,
      );
      expect(answer.text.length).toBeLessThan(2_000);
    },
  );

  it('refuses a literal 1e400 in the document and a JSON number too large for a double alike', async () => {
    const literal = await app.graphql(
      `mutation { receiveInventory(input: { idempotencyKey: "k", locId: 1989, vendorId: 4101,
         roomId: 24771, dryRun: true, lines: [{ productId: 310001, quantity: 1e400,
         unitCost: 1, packageId: "CASE-MAGNITUDE-2" }] }) { __typename } }`,
    );
    const response = await fetch(app.server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query": ${JSON.stringify(RECEIVE)}, "variables": {"input": {"idempotencyKey": "k",
        "locId": 1989, "vendorId": 4101, "roomId": 24771, "dryRun": true, "lines": [{
        "productId": 310001, "quantity": 1e400, "unitCost": 1, "packageId": "CASE-MAGNITUDE-3"}]}}}`,
    });
    const number = (await response.json()) as Record<string, any>;

    expect(literal.json.errors[0].message).toContain('Decimal cannot represent "1e400"');
    expect(number.errors[0].message).toContain('Decimal cannot represent Infinity');
  });

  it('names the field and what arrived when a decimal is too long for the engine', async () => {
    const answer = await app.graphql(RECEIVE, {
      input: {
        ...vaultReceive('1989:long-decimal', [blueDream('CASE-MAGNITUDE-4', '1e-50')]),
        dryRun: true,
      },
    });
    const result = answer.json.data.receiveInventory;

    expect(result.__typename).toBe('ValidationError');
    expect(result.issues).toEqual([
      {
        path: 'lines.0.quantity',
        message: expect.stringMatching(/^quantity has 50 decimal places; at most 6 \(got /),
      },
    ]);
  });

  it('refuses a manifest quantity of 1e1000000 as not a number instead of answering a megabyte', async () => {
    const answer = await app.graphql(PREVIEW, { manifest: stiiizyWith('qty', '1e1000000') });

    expect(answer.text.length).toBeLessThan(20_000);
    expect(answer.json.errors[0].extensions.code).toBe('MANIFEST_INVALID');
    expect(answer.text).toContain("qty must be a number above 0 (got '1e1000000')");
  });
});
