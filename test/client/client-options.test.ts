import { describe, expect, it } from 'vitest';
import {
  BackofficeClientOptionsSchema,
  InvalidClientOptionsError,
  resolveClientOptions,
} from '../../src/dutchie/client-options';
import { systemClock } from '../../src/util/clock';

const valid = {
  baseUrl: 'https://tenant.backoffice.dutchie.com/',
  username: 'employee@example.com',
  password: 'hunter2-secret',
};

describe('client options', () => {
  it('fills every documented default', () => {
    const options = resolveClientOptions(valid);

    expect(options).toMatchObject({
      baseUrl: 'https://tenant.backoffice.dutchie.com',
      callsPerMinute: 55,
      maxQueueWaitMs: 120_000,
      timeouts: { connectMs: 30_000, headersMs: 30_000, bodyMs: 30_000 },
      keepAliveTimeoutMs: 4_000,
      sessionRefreshAfterMs: 50 * 60_000,
      loginFailureBackoffMs: 30_000,
      retry: { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 10_000 },
      timeZoneOverrides: {},
    });
    expect(options.clock).toBe(systemClock);
  });

  it('accepts any positive calls-per-minute, fractions included', () => {
    expect(
      BackofficeClientOptionsSchema.parse({ ...valid, callsPerMinute: 0.5 }).callsPerMinute,
    ).toBe(0.5);
  });

  it('lists every problem in one error and never shows the password', () => {
    const attempt = () =>
      resolveClientOptions({
        baseUrl: 'not a url',
        username: '',
        password: 'hunter2-secret',
        callsPerMinute: 0,
        timeouts: { connectMs: -1 },
        timeZoneOverrides: { AZ: 'Mars/Olympus_Mons' },
      } as never);

    expect(attempt).toThrow(InvalidClientOptionsError);

    try {
      attempt();
    } catch (error) {
      const problems = (error as InvalidClientOptionsError).problems;

      expect(problems.map((line) => line.split(':')[0])).toEqual([
        'baseUrl (DUTCHIE_BACKOFFICE_URL)',
        'username (DUTCHIE_BACKOFFICE_USERNAME)',
        'callsPerMinute (BACKOFFICE_CALLS_PER_MINUTE)',
        'timeouts.connectMs',
        'timeZoneOverrides.AZ',
      ]);
      expect((error as Error).message).not.toContain('hunter2-secret');
      expect((error as InvalidClientOptionsError).code).toBe('INVALID_BACKOFFICE_OPTIONS');
    }
  });

  it('reports a missing password by name only', () => {
    expect(() => resolveClientOptions({ baseUrl: valid.baseUrl, username: 'u' } as never)).toThrow(
      /password \(DUTCHIE_BACKOFFICE_PASSWORD\)/,
    );
  });
});
