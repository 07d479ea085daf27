import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/server/api-keys';
import { createKeyVerifier } from '../../src/server/auth-keys';
import { accessControlFor } from '../../src/server/auth-setup';
import { ConfigError, loadConfig } from '../../src/server/config';
import { serve } from '../../src/server/main';
import { azDelivery } from '../graph/support/receive-inputs';
import { captureLogger } from '../server/helpers/capture-logger';
import { KEYS, startSecureServer, type SecureServer } from './support/secure-server';

const LOCATIONS = '{ locations { locId } }';

const RECEIVE = /* GraphQL */ `
  mutation Receive($input: ReceiveInventoryInput!) {
    receiveInventory(input: $input) {
      __typename
      ... on Error {
        code
        message
      }
      ... on NotAuthorizedError {
        actor
        deniedLocId
      }
      ... on ReceiveInventorySuccess {
        idempotencyKey
      }
    }
  }
`;

describe('API keys at the GraphQL endpoint', () => {
  let s: SecureServer;

  beforeAll(async () => {
    s = await startSecureServer();
  });

  afterAll(() => s.close());

  it('answers 401 UNAUTHENTICATED with a Bearer challenge when no key is sent, before any upstream call', async () => {
    const mark = s.mark();

    const { response, json } = await s.gql(LOCATIONS);

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="backoffice-graph"');
    expect(json.errors).toEqual([
      {
        message: 'An API key is required: send it as "Authorization: Bearer <key>"',
        extensions: { code: 'UNAUTHENTICATED' },
      },
    ]);
    expect(json.data).toBeUndefined();
    expect(s.callsSince(mark)).toEqual({});
  });

  it('answers 401 invalid_token for a key that is one character off, or sent in another scheme', async () => {
    const near = `${KEYS.operator.key.slice(0, -1)}x`;

    const wrong = await s.gql(LOCATIONS, { key: near });
    const basic = await fetch(s.server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${KEYS.operator.key}` },
      body: JSON.stringify({ query: LOCATIONS }),
    });

    expect(wrong.response.status).toBe(401);
    expect(wrong.response.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(wrong.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(basic.status).toBe(401);
  });

  it('runs the operation for a configured key', async () => {
    const { response, json } = await s.gql(LOCATIONS, { key: 'reader' });

    expect(response.status).toBe(200);
    expect(json.data.locations).toHaveLength(18);
  });

  it('serves GraphiQL, /health, /ready and /metrics without a key', async () => {
    const origin = new URL(s.server.graphqlUrl).origin;

    const page = await fetch(s.server.graphqlUrl, { headers: { accept: 'text/html' } });
    const health = await fetch(`${origin}/health`);
    const ready = await fetch(`${origin}/ready`);
    const metrics = await fetch(`${origin}/metrics`);

    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>backoffice-graph</title>');
    expect([health.status, ready.status, metrics.status]).toEqual([200, 200, 200]);
    expect(await metrics.text()).toContain('graphql_yoga');
  });

  it('a key without inventory:read gets FORBIDDEN on every query field, and nothing reaches upstream', async () => {
    const mark = s.mark();

    const { response, json } = await s.gql('{ locations { locId } upstreamBudget { queued } }', {
      key: 'receiver',
    });

    expect(response.status).toBe(200);
    expect(json.data).toBeNull();
    expect(json.errors.map((error: any) => error.extensions.code)).toContain('FORBIDDEN');
    expect(json.errors[0].message).toMatch(
      /^API key "intake-bot" may not use Query\.(locations|upstreamBudget): it lacks the inventory:read scope$/,
    );
    expect(s.callsSince(mark)).toEqual({});
  });

  it('a key without inventory:receive gets NotAuthorizedError from receiveInventory, and nothing reaches upstream', async () => {
    const mark = s.mark();

    const { json } = await s.gql(RECEIVE, { key: 'reader', variables: { input: azDelivery() } });

    expect(json.data.receiveInventory).toEqual({
      __typename: 'NotAuthorizedError',
      code: 'NOT_AUTHORIZED',
      message:
        'API key "dashboard" may not use Mutation.receiveInventory: it lacks the inventory:receive scope',
      actor: 'dashboard',
      deniedLocId: null,
    });
    expect(s.callsSince(mark)).toEqual({});
    expect(s.server.sandbox!.receives()).toHaveLength(0);
  });

  it('refuses receiveManifest and reverifyReceipt to that key the same way', async () => {
    const mark = s.mark();

    const manifest = await s.gql(
      `mutation { receiveManifest(input: { locId: 1989, roomId: 24771, manifest: "{}" }) {
        __typename ... on NotAuthorizedError { actor code } } }`,
      { key: 'reader' },
    );
    const reverify = await s.gql(
      `mutation { reverifyReceipt(idempotencyKey: "any") { __typename ... on NotAuthorizedError { actor } } }`,
      { key: 'reader' },
    );

    expect(manifest.json.data.receiveManifest).toEqual({
      __typename: 'NotAuthorizedError',
      actor: 'dashboard',
      code: 'NOT_AUTHORIZED',
    });
    expect(reverify.json.data.reverifyReceipt).toEqual({
      __typename: 'NotAuthorizedError',
      actor: 'dashboard',
    });
    expect(s.callsSince(mark)).toEqual({});
  });

  it("records every receive in the ledger under the key's name", async () => {
    const input = azDelivery();

    const { json } = await s.gql(RECEIVE, { key: 'receiver', variables: { input } });
    const receipts = await s.gql(
      `{ receipts(first: 5) { edges { node { idempotencyKey actor status } } } }`,
      { key: 'operator' },
    );

    expect(json.data.receiveInventory).toEqual({
      __typename: 'ReceiveInventorySuccess',
      idempotencyKey: input.idempotencyKey,
    });
    expect(receipts.json.data.receipts.edges).toContainEqual({
      node: { idempotencyKey: input.idempotencyKey, actor: 'intake-bot', status: 'SUCCEEDED' },
    });
    expect(s.server.receive.findReceipt(input.idempotencyKey)?.actor).toBe('intake-bot');
  });

  it('never writes a presented key to the log, right or wrong', async () => {
    await s.gql(LOCATIONS, { key: 'not-a-configured-key-at-all' });
    await s.gql(LOCATIONS, { key: 'operator' });

    const text = s.log.text();
    expect(text).toContain('GraphQL request refused: no valid API key');
    expect(text).not.toContain('not-a-configured-key-at-all');
    for (const key of Object.values(KEYS)) expect(text).not.toContain(key.key);
  });
});

describe('the receive engine behind the schema', () => {
  let s: SecureServer;

  beforeAll(async () => {
    s = await startSecureServer();
  });

  afterAll(() => s.close());

  it('refuses a caller of the receive service that names no key, or a key without the scope or the LocId', async () => {
    const mark = s.mark();
    const attempt = (actor: string | null, locId = 1989) =>
      s.server.receive.receive(azDelivery({ locId, dryRun: true }), { actor });

    const outcomes = await Promise.all([
      attempt(null),
      attempt('nobody-configured'),
      attempt(KEYS.reader.name),
      attempt(KEYS.azIntake.name, 2869),
    ]);

    expect(outcomes.map((outcome) => outcome.__typename)).toEqual([
      'NotAuthorizedError',
      'NotAuthorizedError',
      'NotAuthorizedError',
      'NotAuthorizedError',
    ]);
    expect(s.callsSince(mark)).toEqual({});
    expect((await attempt(KEYS.azIntake.name)).__typename).toBe('ReceivePlan');
  });
});

describe('createKeyVerifier', () => {
  const keys = [
    {
      name: 'a',
      sha256: sha256Hex('first-key-0123456789'),
      scopes: ['inventory:read'],
      locIds: null,
    },
    {
      name: 'b',
      sha256: sha256Hex('second-key-0123456789'),
      scopes: ['inventory:receive'],
      locIds: [1989],
    },
  ];

  it('finds the principal of each key whatever its length, and none for a prefix, an extension or an empty key', () => {
    const verifier = createKeyVerifier(keys);

    expect(verifier.verify('first-key-0123456789')).toEqual({
      name: 'a',
      scopes: ['inventory:read'],
      locIds: null,
    });
    expect(verifier.verify('second-key-0123456789')?.name).toBe('b');
    for (const wrong of [
      'first-key-012345678',
      'first-key-01234567890',
      '',
      'FIRST-KEY-0123456789',
    ]) {
      expect(verifier.verify(wrong)).toBeNull();
    }
    expect(verifier.byName('b')).toEqual({
      name: 'b',
      scopes: ['inventory:receive'],
      locIds: [1989],
    });
  });
});

describe('keys configured by digest, and the start-up policy', () => {
  it('accepts a key configured only by its sha256', async () => {
    const key = 'digest-only-key-e2a91b7c';
    const sha256 = createHash('sha256').update(key).digest('hex');
    const s = await startSecureServer({
      GRAPH_API_KEYS: JSON.stringify([{ name: 'odoo', sha256, scopes: ['inventory:read'] }]),
    });

    try {
      const { response } = await s.gql('{ upstreamBudget { queued } }', { key });

      expect(response.status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('refuses to start with a key whose scope is misspelt, naming the key and the scope', async () => {
    const config = loadConfig({
      PORT: '0',
      SANDBOX_PORT: '0',
      BACKGROUND_REFRESH: 'off',
      GRAPH_API_KEYS: JSON.stringify([
        { name: 'typo', key: 'typo-key-0123456789ab', scopes: ['inventory:reed'] },
      ]),
    });

    const started = serve(config, { logger: captureLogger().logger, announce: () => {} });

    await expect(started).rejects.toThrow(ConfigError);
    await expect(started).rejects.toThrow(
      `GRAPH_API_KEYS: key "typo" has unknown scopes 'inventory:reed'; known: inventory:read, inventory:receive`,
    );
  });

  it('refuses live mode without keys unless GRAPH_AUTH=off is given', () => {
    const live = {
      DUTCHIE_BACKOFFICE_URL: 'https://tenant.backoffice.dutchie.com',
      DUTCHIE_BACKOFFICE_USERNAME: 'intake@example.com',
      DUTCHIE_BACKOFFICE_PASSWORD: 'live-password',
      DATA_DIR: '/tmp/ledger',
    };

    expect(() => loadConfig(live)).toThrow(/live mode needs API keys/);
    expect(loadConfig({ ...live, GRAPH_AUTH: 'off' }).auth.enabled).toBe(false);
  });

  it('warns at start-up when GRAPH_AUTH=off opens a live tenant, and enforces nothing', () => {
    const log = captureLogger('info');
    const config = loadConfig({
      DUTCHIE_BACKOFFICE_URL: 'https://tenant.backoffice.dutchie.com',
      DUTCHIE_BACKOFFICE_USERNAME: 'intake@example.com',
      DUTCHIE_BACKOFFICE_PASSWORD: 'live-password',
      DATA_DIR: '/tmp/ledger',
      GRAPH_AUTH: 'off',
    });

    const access = accessControlFor(config, log.logger);

    expect(access.verifier).toBeNull();
    expect(log.lines).toEqual([
      expect.objectContaining({
        level: 40,
        mode: 'live',
        msg: 'GRAPH_AUTH=off: anyone who reaches this server may read and receive at the live tenant',
      }),
    ]);
    expect(log.text()).not.toContain('live-password');
  });

  it('opens the embedded sandbox without keys, and warns so at start-up', async () => {
    const log = captureLogger('info');
    const s = await startSecureServer({ GRAPH_API_KEYS: '' }, log.logger);

    try {
      const { response } = await s.gql('{ upstreamBudget { queued } }');

      expect(response.status).toBe(200);
      expect(log.lines).toContainEqual(
        expect.objectContaining({
          level: 40,
          component: 'auth',
          mode: 'sandbox',
          msg: expect.stringContaining('open access: no API keys are enforced'),
        }),
      );
    } finally {
      await s.close();
    }
  });
});
