import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { azDelivery } from '../graph/support/receive-inputs';
import { startSecureServer, type SecureServer } from './support/secure-server';

const globalId = (type: string, local: string) =>
  Buffer.from(`${type}:${local}`).toString('base64');

const ROOMS_OF = (locId: number) => `{ location(locId: ${locId}) { locId rooms { roomId name } } }`;

const BLUE_DREAM = 'Swallowtail Cultivation - Blue Dream 3.5g';

const codes = (json: any) => (json.errors ?? []).map((error: any) => error.extensions.code);

/**
 * A key limited to LocId 1989 (az-reader, az-intake) against an upstream cache that others
 * (dashboard, operator: every location) have already filled with 2004's data.
 */
describe('LocId limits over the shared cache', () => {
  let s: SecureServer;
  let room2004: { roomId: number; name: string };
  let package2004: string;

  beforeAll(async () => {
    s = await startSecureServer();
    // Warm the shared cache with 2004 as an unlimited key sees it.
    const warm = await s.gql(
      `{ location(locId: 2004) { rooms { roomId name } inventory(first: 1) { edges { node { packageId } } } } }`,
      { key: 'operator' },
    );
    room2004 = warm.json.data.location.rooms[0];
    package2004 = warm.json.data.location.inventory.edges[0].node.packageId;
  });

  afterAll(() => s.close());

  beforeEach(() => s.server.sandbox!.faults.clear());

  it('lists only the LocIds of the key in locations, and all 18 for an unlimited key', async () => {
    const limited = await s.gql('{ locations { locId } }', { key: 'azReader' });
    const unlimited = await s.gql('{ locations { locId } }', { key: 'reader' });

    expect(limited.json.data.locations).toEqual([{ locId: 1989 }]);
    expect(unlimited.json.data.locations).toHaveLength(18);
  });

  it('refuses location(locId: 2004) with FORBIDDEN although 2004 is cached, and calls nothing', async () => {
    const mark = s.mark();

    const { json } = await s.gql(ROOMS_OF(2004), { key: 'azReader' });

    expect(json.data).toEqual({ location: null });
    expect(json.errors).toEqual([
      expect.objectContaining({
        message:
          'API key "az-reader" may not use Query.location: it is limited to LocIds 1989 (asked for LocId 2004)',
        path: ['location'],
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      }),
    ]);
    expect(s.callsSince(mark)).toEqual({});
  });

  it('two keys reading the rooms of one location each get their own loader: no cached error crosses over', async () => {
    // The first request's rooms read fails upstream; the cache keeps no failure, and the second
    // request's loader is its own, so it reads again and gets the rooms.
    s.server.services.cache.invalidate('rooms', 1989);
    s.server.sandbox!.faults.add(
      'v2/room/get-rooms',
      { kind: 'status', status: 503 },
      { times: Infinity },
    );

    const first = await s.gql(ROOMS_OF(1989), { key: 'reader' });
    s.server.sandbox!.faults.clear();
    const second = await s.gql(ROOMS_OF(1989), { key: 'azReader' });

    expect(first.json.data.location.rooms).toBeNull();
    expect(codes(first.json)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(second.json.errors).toBeUndefined();
    expect(second.json.data.location.rooms.map((room: any) => room.roomId)).toEqual([
      24771, 24772, 24773, 24774,
    ]);
  });

  it('refuses node(id) for a Location, Room or Package of 2004 before loading it', async () => {
    const ids = [
      globalId('Location', '2004'),
      globalId('Room', `2004:${room2004.roomId}`),
      globalId('Package', `2004:${package2004}`),
      globalId('Vendor', '2004:4101'),
    ];
    const mark = s.mark();

    for (const id of ids) {
      const { json } = await s.gql(`query ($id: ID!) { node(id: $id) { id } }`, {
        key: 'azReader',
        variables: { id },
      });

      expect(json.data).toEqual({ node: null });
      expect(codes(json)).toEqual(['FORBIDDEN']);
      expect(json.errors[0].message).toMatch(
        /^API key "az-reader" may not use node\(\w+\): it is limited to LocIds 1989 \(asked for LocId 2004\)$/,
      );
    }
    expect(s.callsSince(mark)).toEqual({});
  });

  it('answers node(id) of its own location', async () => {
    const { json } = await s.gql(
      `{ node(id: "${globalId('Location', '1989')}") { ... on Location { locId } } }`,
      {
        key: 'azReader',
      },
    );

    expect(json).toMatchObject({ data: { node: { locId: 1989 } } });
  });

  it('refuses _entities representations at 2004, and resolves those at 1989', async () => {
    const { json } = await s.gql(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Room { locId roomId name } } }`,
      {
        key: 'azReader',
        variables: {
          r: [
            { __typename: 'Room', locId: 1989, roomId: 24771 },
            { __typename: 'Room', locId: 2004, roomId: room2004.roomId },
            { __typename: 'Location', locId: 2004 },
          ],
        },
      },
    );

    expect(json.data._entities[0]).toEqual({ locId: 1989, roomId: 24771, name: 'Vault' });
    expect(json.data._entities.slice(1)).toEqual([null, null]);
    expect(codes(json)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  it('refuses package(locId: 2004), previewManifest at 2004 and Product.vendor(locId: 2004)', async () => {
    const mark = s.mark();

    const pkg = await s.gql(`{ package(locId: 2004, packageId: "${package2004}") { quantity } }`, {
      key: 'azReader',
    });
    const preview = await s.gql(`{ previewManifest(locId: 2004, manifest: "{}") { transferId } }`, {
      key: 'azReader',
    });
    const vendor = await s.gql(
      `{ product(lspId: 575, productId: 310001) { name vendor(locId: 2004) { name } } }`,
      { key: 'azReader' },
    );

    expect(codes(pkg.json)).toEqual(['FORBIDDEN']);
    expect(codes(preview.json)).toEqual(['FORBIDDEN']);
    expect(vendor.json.data.product).toEqual({ name: BLUE_DREAM, vendor: null });
    expect(codes(vendor.json)).toEqual(['FORBIDDEN']);
    expect(s.callsSince(mark)).toEqual({ 'product-master/get-products-lite': 1 });
  });

  it("reads the catalog of its location's LSP, not another LSP's", async () => {
    const own = await s.gql('{ product(lspId: 575, productId: 310001) { name } }', {
      key: 'azReader',
    });
    const other = await s.gql('{ product(lspId: 576, productId: 1) { name } }', {
      key: 'azReader',
    });

    expect(own.json.data.product).toEqual({ name: BLUE_DREAM });
    expect(other.json.errors[0]).toMatchObject({
      message:
        'API key "az-reader" may not use Query.product: it is limited to LocIds 1989, none of LspId 576',
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it("refuses sandboxImportProducts into another LSP's catalog, and to a key without inventory:receive", async () => {
    const mark = s.mark();
    const importInto = (lspId: number, key: 'azIntake' | 'azReader') =>
      s.gql(`mutation { sandboxImportProducts(lspId: ${lspId}, manifest: "{}") { lspId } }`, {
        key,
      });

    const otherLsp = await importInto(576, 'azIntake');
    const noScope = await importInto(575, 'azReader');

    expect(otherLsp.json.errors[0].message).toBe(
      'API key "az-intake" may not use Mutation.sandboxImportProducts: it is limited to LocIds 1989, none of LspId 576',
    );
    expect(noScope.json.errors[0].message).toBe(
      'API key "az-reader" may not use Mutation.sandboxImportProducts: it lacks the inventory:receive scope',
    );
    expect(s.callsSince(mark)).toEqual({});
  });

  it('answers NotAuthorizedError to a receive at 2004 by a key limited to 1989, before any upstream call', async () => {
    const mark = s.mark();
    const input = azDelivery({ locId: 2004 });

    const { json } = await s.gql(
      `mutation ($input: ReceiveInventoryInput!) { receiveInventory(input: $input) {
        __typename ... on NotAuthorizedError { code actor deniedLocId message } } }`,
      { key: 'azIntake', variables: { input } },
    );

    expect(json.data.receiveInventory).toEqual({
      __typename: 'NotAuthorizedError',
      code: 'NOT_AUTHORIZED',
      actor: 'az-intake',
      deniedLocId: 2004,
      message:
        'API key "az-intake" may not use Mutation.receiveInventory: it is limited to LocIds 1989 (asked for LocId 2004)',
    });
    expect(s.callsSince(mark)).toEqual({});
    expect(s.server.receive.findReceipt(input.idempotencyKey)).toBeNull();
  });

  it('lists only receipts of its LocIds, refuses receipts(locId: 2862), and may not reverify a 2862 receipt', async () => {
    const own = azDelivery();
    const foreign = azDelivery({ locId: 2862, roomId: 1, vendorId: 4301, dryRun: false });
    await s.gql(
      `mutation ($a: ReceiveInventoryInput!, $b: ReceiveInventoryInput!) {
        a: receiveInventory(input: $a) { __typename } b: receiveInventory(input: $b) { __typename } }`,
      { key: 'operator', variables: { a: own, b: foreign } },
    );
    expect(s.server.receive.findReceipt(foreign.idempotencyKey)?.locId).toBe(2862);

    const listed = await s.gql(
      '{ receipts(first: 100) { edges { node { idempotencyKey locId } } } }',
      {
        key: 'azIntake',
      },
    );
    const asked = await s.gql('{ receipts(locId: 2862) { edges { node { idempotencyKey } } } }', {
      key: 'azIntake',
    });
    const mark = s.mark();
    const reverify = await s.gql(
      `mutation ($k: String!) { reverifyReceipt(idempotencyKey: $k) {
        __typename ... on NotAuthorizedError { message deniedLocId } } }`,
      { key: 'azIntake', variables: { k: foreign.idempotencyKey } },
    );

    const locIds = listed.json.data.receipts.edges.map((edge: any) => edge.node.locId);
    expect(locIds.length).toBeGreaterThan(0);
    expect(new Set(locIds)).toEqual(new Set([1989]));
    expect(listed.json.data.receipts.edges).toContainEqual({
      node: { idempotencyKey: own.idempotencyKey, locId: 1989 },
    });
    expect(codes(asked.json)).toEqual(['FORBIDDEN']);
    expect(reverify.json.data.reverifyReceipt).toEqual({
      __typename: 'NotAuthorizedError',
      message:
        'API key "az-intake" may not reverify this receipt: it was received at a location outside its LocIds (1989)',
      deniedLocId: null,
    });
    expect(s.callsSince(mark)).toEqual({});
  });
});
