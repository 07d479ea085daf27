import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxFault } from '../../src/sandbox/types';
import { startSecureServer, type SecureServer } from './support/secure-server';

/** What no response may carry, whatever went wrong. */
function leaksIn(text: string, s: SecureServer): string[] {
  const sessionIds = s.server.sandbox!.issuedSessionIds();
  const needles = [
    'SELECT',
    'dbo.',
    'SqlException',
    'stack',
    '    at ',
    'LLSession',
    s.server.sandbox!.url,
    '127.0.0.1',
    '<html',
    ...sessionIds,
  ];

  return needles.filter((needle) => text.includes(needle));
}

const VENDORS = '{ location(locId: 1989) { locId vendors { name } } }';

for (const nodeEnv of [undefined, 'development']) {
  describe(`error masking with NODE_ENV=${nodeEnv ?? '(unset)'}`, () => {
    let s: SecureServer;
    let previous: string | undefined;

    beforeAll(async () => {
      previous = process.env.NODE_ENV;
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
      s = await startSecureServer();
    });

    afterAll(async () => {
      await s.close();
      process.env.NODE_ENV = previous;
    });

    afterEach(() => s.server.sandbox!.faults.clear());

    it('answers a bug as "Unexpected error." with its correlation id, and logs it in full, redacted', async () => {
      const client = s.server.client as unknown as Record<string, unknown>;
      const original = client.getVendors;
      // A programming error the sandbox cannot produce: its message quotes SQL, the upstream
      // URL and the session cookie, as a careless throw might. A first read logs in.
      await s.gql('{ locations { locId } }', { key: 'reader' });
      const session = s.server.sandbox!.issuedSessionIds()[0];
      client.getVendors = async () => {
        throw new TypeError(
          `Cannot read properties of undefined (reading 'VendorId') after SELECT * FROM dbo.Vendor at ${s.server.sandbox!.url}/api/vendor/get-vendors with Cookie: LLSession=${session}`,
        );
      };
      s.server.services.cache.invalidate('vendors', 1989);

      try {
        const { response, json } = await s.gql(VENDORS, {
          key: 'reader',
          headers: { 'x-request-id': `bug-${nodeEnv ?? 'unset'}` },
        });

        expect(json.data).toEqual({ location: { locId: 1989, vendors: null } });
        expect(json.errors).toEqual([
          {
            message: 'Unexpected error.',
            locations: [{ line: 1, column: 33 }],
            path: ['location', 'vendors'],
            extensions: {
              code: 'INTERNAL_SERVER_ERROR',
              correlationId: `bug-${nodeEnv ?? 'unset'}`,
            },
          },
        ]);
        expect(response.headers.get('x-correlation-id')).toBe(`bug-${nodeEnv ?? 'unset'}`);
        expect(leaksIn(JSON.stringify(json), s)).toEqual([]);
      } finally {
        client.getVendors = original;
      }

      const logged = s.log.lines.filter(
        (line) =>
          line.requestId === `bug-${nodeEnv ?? 'unset'}` && line.msg === 'unexpected error, masked',
      );
      expect(logged).toHaveLength(1);
      const text = JSON.stringify(logged[0]);
      expect(text).toContain("reading 'VendorId'");
      expect(text).toContain('"type":"TypeError"');
      expect(text).toContain('with Cookie: [redacted]');
      expect(text).not.toContain(session);
    });

    const faults: Array<[string, SandboxFault]> = [
      ['a 500 with SQL text and a .NET stack', { kind: 'sql-500' }],
      ["an edge proxy's HTML page", { kind: 'html', status: 502 }],
      ['a JSON answer cut in half', { kind: 'truncated-json' }],
      [
        'a 500 whose body quotes the cookie',
        {
          kind: 'status',
          status: 500,
          contentType: 'text/plain',
          body: 'Object reference not set to an instance of an object.\n   at Backoffice.Api.Rooms() Cookie: LLSession=00000000-dead-beef-0000-000000000000',
        },
      ],
    ];

    for (const [what, fault] of faults) {
      it(`keeps ${what} out of the response: a stable UPSTREAM_ code and the correlation id only`, async () => {
        s.server.services.cache.invalidate('rooms', 1989);
        s.server.sandbox!.faults.add('v2/room/get-rooms', fault, { times: Infinity });

        const { response, json } = await s.gql('{ location(locId: 1989) { rooms { roomId } } }', {
          key: 'reader',
        });
        const text = JSON.stringify(json) + JSON.stringify([...response.headers]);

        expect(json.data).toEqual({ location: { rooms: null } });
        expect(json.errors[0].extensions.code).toMatch(/^UPSTREAM_/);
        expect(json.errors[0].extensions.correlationId).toBe(
          response.headers.get('x-correlation-id'),
        );
        expect(leaksIn(text, s)).toEqual([]);
        expect(text).not.toContain('dead-beef');
      });
    }
  });
}
