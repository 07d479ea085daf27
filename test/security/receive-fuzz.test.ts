import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecureServer, type SecureServer } from './support/secure-server';

/**
 * Thousands of generated receiveInventory inputs over HTTP, valid and broken. Two properties
 * hold for every one: no answer is a 5xx, and a request POSTs v2/inventory/receive exactly
 * when its answer is one only a POST can produce (a success, partial, orphaned, unknown, or a
 * failure at the write or the read-back), so nothing validation or preflight refuses ever
 * reaches the upstream receive. Most valid inputs are dry runs, to keep the sandbox small.
 */

const RECEIVE = /* GraphQL */ `
  mutation Fuzz($input: ReceiveInventoryInput!) {
    receiveInventory(input: $input) {
      __typename
      ... on ReceiveInventorySuccess {
        replayed
      }
      ... on UpstreamUnavailableError {
        step
      }
      ... on RateLimitedError {
        step
      }
    }
  }
`;

/** Members that only exist because the receive was POSTed. */
const POSTED = new Set([
  'ReceiveInventorySuccess',
  'PartialReceiveError',
  'OrphanedReceiveError',
  'ReceiveOutcomeUnknownError',
  'UpstreamSqlError',
  'UpstreamRejectedError',
]);

function postsFor(result: any): number {
  if (!result) return 0;
  if (result.__typename === 'ReceiveInventorySuccess') return result.replayed ? 0 : 1;
  if (POSTED.has(result.__typename)) return 1;
  if (
    result.__typename === 'UpstreamUnavailableError' ||
    result.__typename === 'RateLimitedError'
  ) {
    return result.step === 'PREFLIGHT' ? 0 : 1;
  }

  return 0;
}

// ---- generators ---------------------------------------------------------------------------

const freshLabel = fc.stringMatching(/^1A4FZ[0-9A-F]{19}$/);

const label = (existing: string) =>
  fc.oneof(
    { weight: 40, arbitrary: freshLabel },
    { weight: 1, arbitrary: fc.constant(existing) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '   \t', 'A'.repeat(65), 'X'.repeat(5000)) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }) },
  );

const decimalText = fc
  .tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 999 }))
  .map(([whole, fraction]) => (fraction === 0 ? `${whole}` : `${whole}.${fraction}`));

const quantity = fc.oneof(
  { weight: 40, arbitrary: decimalText },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '0',
      '-1',
      '-0.5',
      '0.0000001',
      '100000.000001',
      '100001',
      '1e3',
      ' 3 ',
      'three',
      '',
      'NaN',
      '9'.repeat(40),
      '1'.repeat(400),
    ),
  },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: false })) },
);

/** Sold by the unit (UnitId 1): only whole quantities. */
const UNIT_PRODUCTS: readonly number[] = [310004, 310007];

/** By the gram (310001), by the unit (310004, 310007), by SKU (one ambiguous), or wrong. */
const product = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom({ productId: 310001 }, { productId: 310002 }) },
  { weight: 4, arbitrary: fc.constantFrom({ productId: 310004 }, { productId: 310007 }) },
  { weight: 2, arbitrary: fc.constantFrom({ sku: 'SWC-FL-BD-035' }, { sku: 'WYLD-ED-MB-100' }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      { productId: 999_999 },
      { sku: 'NO-SUCH-SKU' },
      { productId: 310001, sku: 'SWC-FL-BD-035' },
      {},
      { productId: 0 },
      { productId: -4 },
    ),
  },
);

const line = (existing: string) =>
  fc
    .record(
      {
        product,
        quantity,
        unitCost: fc.oneof(
          { weight: 20, arbitrary: decimalText },
          { weight: 1, arbitrary: quantity },
        ),
        packageId: label(existing),
        batchName: text(100),
        unitId: fc.oneof(
          { weight: 9, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: fc.constantFrom(1, 3, 7) },
        ),
        roomId: fc.oneof(
          { weight: 9, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: fc.constantFrom(24772, 24773, 1) },
        ),
        expirationDate: fc.oneof(
          { weight: 20, arbitrary: fc.constant(undefined) },
          { weight: 2, arbitrary: fc.constant('2027-06-30') },
          { weight: 1, arbitrary: fc.constantFrom('06/30/2027', '2027-13-01', '') },
        ),
        // Products sold by the unit mostly get a whole quantity; the rest test the refusal.
        whole: fc.oneof(
          { weight: 3, arbitrary: fc.integer({ min: 1, max: 500 }) },
          { weight: 1, arbitrary: fc.constant(null) },
        ),
      },
      { requiredKeys: ['product', 'quantity', 'unitCost', 'packageId', 'whole'] },
    )
    .map(({ whole, ...rest }) => {
      const { productId } = rest.product as { productId?: number };
      const byUnit = productId !== undefined && UNIT_PRODUCTS.includes(productId);

      return byUnit && whole !== null ? { ...rest, quantity: String(whole) } : rest;
    });

type GeneratedLine = ReturnType<typeof line> extends fc.Arbitrary<infer T> ? T : never;

/** Where: mostly the AZ sandbox's Vault with Swallowtail; sometimes somewhere that refuses. */
const target = fc.oneof(
  { weight: 12, arbitrary: fc.constant({ locId: 1989, vendorId: 4101, roomId: 24771 }) },
  {
    weight: 3,
    arbitrary: fc.record({
      locId: fc.constantFrom(1989, 2862, 2869, 2004, 99_999),
      vendorId: fc.constantFrom(4101, 4102, 4301, 1),
      roomId: fc.constantFrom(24771, 24773, 25101, 1, 999_999),
    }),
  },
);

/** Free text: mostly absent or plain, sometimes any unicode, rarely too long or control. */
function text(max: number) {
  return fc.oneof(
    { weight: 16, arbitrary: fc.constant(undefined) },
    { weight: 8, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constantFrom('x'.repeat(max + 1), '\u0000\u202e', ' '.repeat(10)) },
  );
}

/** A key kind; the property makes each key unique, so no generated input replays another. */
const keyKind = fc.oneof(
  { weight: 40, arbitrary: fc.constant('fresh' as const) },
  { weight: 1, arbitrary: fc.constantFrom('empty' as const, 'unicode' as const, 'long' as const) },
);

const receiveInput = (existing: string) =>
  fc
    .record({
      keyKind,
      target,
      lines: fc.oneof(
        { weight: 40, arbitrary: fc.array(line(existing), { minLength: 1, maxLength: 3 }) },
        { weight: 1, arbitrary: fc.constantFrom([], null) },
      ),
      duplicateLabel: fc.oneof(
        { weight: 9, arbitrary: fc.constant(false) },
        { weight: 1, arbitrary: fc.constant(true) },
      ),
      dryRun: fc.oneof(
        { weight: 9, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
      note: text(2000),
      receivedBy: text(100),
      invoiceNumber: text(100),
      deliveredOn: fc.oneof(
        { weight: 12, arbitrary: fc.constant(undefined) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            '2026-12-03T09:15:00-07:00',
            '1999-01-01T00:00:00Z',
            'yesterday',
            '2026-12-03',
          ),
        },
      ),
    })
    .map((shape) => {
      const generated = shape.lines as GeneratedLine[] | null;
      const lines = generated?.map(({ product: chosen, ...rest }) => ({ ...rest, ...chosen }));
      // Two lines with one label: the input must be refused as a whole.
      if (lines && shape.duplicateLabel && lines.length > 1)
        lines[1].packageId = lines[0].packageId;

      return { ...shape, lines };
    });

type Shape = ReturnType<typeof receiveInput> extends fc.Arbitrary<infer T> ? T : never;

let keySeq = 0;

function keyFor(kind: Shape['keyKind']): string {
  keySeq += 1;
  if (kind === 'empty') return '';
  if (kind === 'unicode') return `ключ-${keySeq}`;
  if (kind === 'long') return `k${keySeq}-`.padEnd(200, 'k');

  return `fuzz-${process.pid}-${keySeq}`;
}

function inputOf(shape: Shape) {
  return {
    idempotencyKey: keyFor(shape.keyKind),
    ...shape.target,
    lines: shape.lines,
    dryRun: shape.dryRun,
    note: shape.note,
    receivedBy: shape.receivedBy,
    invoiceNumber: shape.invoiceNumber,
    deliveredOn: shape.deliveredOn,
  };
}

/** Any JSON value of the wrong kind for a field. */
const wrongJson = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 20 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

const TOP_FIELDS = [
  'idempotencyKey',
  'locId',
  'vendorId',
  'roomId',
  'lines',
  'dryRun',
  'receiveType',
  'deliveredOn',
  'note',
  'unknownField',
];
const LINE_FIELDS = [
  'productId',
  'sku',
  'quantity',
  'unitCost',
  'packageId',
  'unitId',
  'roomId',
  'expirationDate',
  'extra',
];

// ---- the run ------------------------------------------------------------------------------

describe('receiveInventory under generated input', () => {
  let s: SecureServer;
  let existingLabel: string;
  const tally = { requests: 0, expectedPosts: 0, byAnswer: new Map<string, number>() };

  beforeAll(async () => {
    s = await startSecureServer({ RECEIVE_VERIFY_SECONDS: '1' });
    const page = await s.gql(
      '{ location(locId: 1989) { inventory(first: 1) { edges { node { packageId } } } } }',
      {
        key: 'operator',
      },
    );
    existingLabel = page.json.data.location.inventory.edges[0].node.packageId;
  });

  afterAll(() => s.close());

  const receives = () => s.server.sandbox!.requests.count('v2/inventory/receive');

  /** Sends one input; asserts no 5xx and that it POSTed exactly when its answer says so. */
  async function send(variables: unknown) {
    const before = receives();
    const response = await fetch(s.server.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer operator-key-93bd07e1c5',
      },
      body: JSON.stringify({ query: RECEIVE, variables }),
    });
    const json = await response.json();
    const result = json.data?.receiveInventory;
    const expected = postsFor(result);
    const answer = result?.__typename ?? `errors:${json.errors?.[0]?.extensions?.code}`;

    tally.requests += 1;
    tally.expectedPosts += expected;
    tally.byAnswer.set(answer, (tally.byAnswer.get(answer) ?? 0) + 1);

    expect(response.status, answer).toBeLessThan(500);
    expect({ answer, posted: receives() - before }).toEqual({ answer, posted: expected });
  }

  it('structured inputs, valid and broken: no 5xx, and only what passes preflight is POSTed', async () => {
    await fc.assert(
      fc.asyncProperty(receiveInput(existingLabel), async (shape) =>
        send({ input: inputOf(shape) }),
      ),
      { numRuns: 1800 },
    );
  }, 120_000);

  it('wrong JSON types anywhere in the input: no 5xx and nothing POSTed', async () => {
    const broken = fc.oneof(
      fc.record({
        field: fc.constantFrom(...TOP_FIELDS),
        value: wrongJson,
        where: fc.constant('top' as const),
      }),
      fc.record({
        field: fc.constantFrom(...LINE_FIELDS),
        value: wrongJson,
        where: fc.constant('line' as const),
      }),
      fc.record({
        field: fc.constant(''),
        value: fc.jsonValue({ maxDepth: 3 }),
        where: fc.constant('whole' as const),
      }),
    );

    await fc.assert(
      fc.asyncProperty(broken, async ({ field, value, where }) => {
        const input: Record<string, unknown> = {
          idempotencyKey: keyFor('fresh'),
          locId: 1989,
          vendorId: 4101,
          roomId: 24771,
          dryRun: false,
          lines: [
            {
              productId: 310001,
              quantity: '3.5',
              unitCost: '4.25',
              packageId: 'WRONGTYPE0000000000000',
            },
          ],
        };
        if (where === 'top') input[field] = value;
        if (where === 'line') (input.lines as Record<string, unknown>[])[0][field] = value;

        await send({ input: where === 'whole' ? value : input });
      }),
      { numRuns: 800 },
    );
  }, 120_000);

  it('counted as many POSTs in the sandbox as answers that imply one, over the whole run', () => {
    expect(tally.requests).toBeGreaterThanOrEqual(2600);
    expect(receives()).toBe(tally.expectedPosts);
    // The generators reach both sides: refusals of every kind, and real receives.
    expect(tally.byAnswer.get('ReceiveInventoryPlan')).toBeGreaterThan(300);
    expect(tally.byAnswer.get('ValidationError')).toBeGreaterThan(300);
    expect(tally.expectedPosts).toBeGreaterThan(30);
  });
});
