import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/util/clock';
import { startSandbox } from '../../src/sandbox';
import { call, login } from './support/http';

const ROOMS = 'v2/room/get-rooms';

describe('rate limit per session', async () => {
  const clock = new FakeClock();
  const sandbox = await startSandbox({ clock });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.reset());

  it('answers call 61 within a minute with HTTP 200 and the observed message', async () => {
    const session = await login(sandbox);
    for (let i = 0; i < 60; i += 1) {
      const reply = await call(sandbox, session, ROOMS, { LocId: 1989 });
      expect(reply.json.Result).toBe(true);
      await clock.advance(500);
    }

    const limited = await call(sandbox, session, ROOMS, { LocId: 1989 });
    expect(limited.status).toBe(200);
    expect(limited.json).toEqual({
      Result: false,
      Message: 'Too many requests - only 60 per minute allowed',
      Data: null,
    });
  });

  it('admits calls again once the oldest ones leave the rolling window', async () => {
    const session = await login(sandbox);
    for (let i = 0; i < 60; i += 1) await call(sandbox, session, ROOMS, { LocId: 1989 });
    expect((await call(sandbox, session, ROOMS, { LocId: 1989 })).json.Result).toBe(false);

    await clock.advance(59_999);
    expect((await call(sandbox, session, ROOMS, { LocId: 1989 })).json.Result).toBe(false);

    await clock.advance(1);
    expect((await call(sandbox, session, ROOMS, { LocId: 1989 })).json.Result).toBe(true);
  });

  it('counts per session and not the logins themselves', async () => {
    const first = await login(sandbox);
    for (let i = 0; i < 60; i += 1) await call(sandbox, first, ROOMS, { LocId: 1989 });

    const second = await login(sandbox);
    expect((await call(sandbox, second, ROOMS, { LocId: 1989 })).json.Result).toBe(true);
    expect((await call(sandbox, first, ROOMS, { LocId: 1989 })).json.Result).toBe(false);
  });
});

describe('rate limit option', () => {
  it('puts the configured number in the message', async () => {
    const sandbox = await startSandbox({ clock: new FakeClock(), callsPerMinute: 3 });
    try {
      const session = await login(sandbox);
      for (let i = 0; i < 3; i += 1) await call(sandbox, session, ROOMS, { LocId: 1989 });
      const limited = await call(sandbox, session, ROOMS, { LocId: 1989 });

      expect(limited.json.Message).toBe('Too many requests - only 3 per minute allowed');
    } finally {
      await sandbox.close();
    }
  });

  it('is off with callsPerMinute 0', async () => {
    const sandbox = await startSandbox({ clock: new FakeClock(), callsPerMinute: 0 });
    try {
      const session = await login(sandbox);
      const results = [];
      for (let i = 0; i < 75; i += 1) {
        results.push((await call(sandbox, session, ROOMS, { LocId: 1989 })).json.Result);
      }

      expect(results.every((result) => result === true)).toBe(true);
    } finally {
      await sandbox.close();
    }
  });
});
