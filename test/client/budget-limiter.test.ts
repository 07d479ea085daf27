import { describe, expect, it } from 'vitest';
import { BudgetLimiter } from '../../src/dutchie/budget-limiter';
import { BudgetExhaustedError } from '../../src/dutchie/errors';
import type { CallPriority } from '../../src/dutchie/backoffice-api';
import { FakeClock } from '../../src/util/clock';

function setup(limitPerMinute = 10, maxQueueWaitMs = 120_000) {
  const clock = new FakeClock();
  const limiter = new BudgetLimiter({ limitPerMinute, maxQueueWaitMs, clock });
  const admitted: string[] = [];

  const take = (priority: CallPriority, name: string) =>
    limiter.acquire(priority, { endpoint: 'v2/room/get-rooms' }).then((waited) => {
      admitted.push(name);

      return waited;
    });

  return { clock, limiter, admitted, take };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
}

describe('BudgetLimiter', () => {
  it('admits up to the limit in a rolling minute and queues the rest until the window rolls', async () => {
    const { clock, limiter, admitted, take } = setup(10);

    for (let i = 0; i < 12; i += 1) void take('write', `w${i}`);
    await settle();

    expect(admitted).toHaveLength(10);
    expect(limiter.snapshot()).toEqual({ limitPerMinute: 10, usedLastMinute: 10, queued: 2 });

    await clock.advance(59_999);
    expect(admitted).toHaveLength(10);

    await clock.advance(1);
    expect(admitted).toEqual([...Array.from({ length: 12 }, (_, i) => `w${i}`)]);
    expect(limiter.snapshot()).toEqual({ limitPerMinute: 10, usedLastMinute: 2, queued: 0 });
  });

  it('stops reads at 80% of the window so a write still goes at once', async () => {
    const { admitted, take } = setup(10);

    for (let i = 0; i < 10; i += 1) void take('read', `r${i}`);
    await settle();
    expect(admitted).toHaveLength(8);

    void take('write', 'receive');
    void take('verify', 'read-back');
    await settle();

    expect(admitted.slice(8)).toEqual(['receive', 'read-back']);
  });

  it('stops background work at half the window while reads continue', async () => {
    const { admitted, take } = setup(10);

    for (let i = 0; i < 6; i += 1) void take('background', `b${i}`);
    await settle();
    expect(admitted).toEqual(['b0', 'b1', 'b2', 'b3', 'b4']);

    void take('read', 'r0');
    await settle();
    expect(admitted.at(-1)).toBe('r0');
  });

  it('serves higher priorities first and keeps FIFO order within a priority', async () => {
    const { clock, admitted, take } = setup(5);

    for (let i = 0; i < 5; i += 1) void take('write', `w${i}`);
    await settle();

    void take('read', 'read-a');
    void take('background', 'bg');
    void take('read', 'read-b');
    void take('write', 'write-late');
    await settle();
    expect(admitted).toHaveLength(5);

    await clock.advance(60_000);
    // The window is empty again: the write first, then both reads in arrival order; background
    // work stops at half the window (2 of 5) and three slots are already used.
    expect(admitted.slice(5)).toEqual(['write-late', 'read-a', 'read-b']);
  });

  it('gives up after maxQueueWaitMs with BudgetExhaustedError and a retry hint', async () => {
    const { clock, take } = setup(1, 30_000);

    await take('write', 'only');
    const waiting = take('write', 'late');
    const failure = waiting.catch((error: unknown) => error);

    await clock.advance(30_000);
    const error = await failure;

    expect(error).toBeInstanceOf(BudgetExhaustedError);
    expect(error).toMatchObject({ code: 'UPSTREAM_BUDGET_EXHAUSTED', retryAfterSeconds: 30 });
    expect((error as Error).message).toContain('v2/room/get-rooms');
  });

  it('reports how long an admitted call waited on the clock', async () => {
    const { clock, take } = setup(1);

    expect(await take('write', 'a')).toBe(0);

    const waited = take('write', 'b');
    await clock.advance(60_000);

    expect(await waited).toBe(60_000);
  });

  it('holds every priority while paused by an upstream rate limit', async () => {
    const { clock, limiter, admitted, take } = setup(10);

    limiter.pauseUntil(clock.now() + 2_000);
    void take('write', 'w');
    await settle();
    expect(admitted).toEqual([]);

    await clock.advance(1_999);
    expect(admitted).toEqual([]);

    await clock.advance(1);
    expect(admitted).toEqual(['w']);
  });

  it('drops an aborted waiter from the queue', async () => {
    const { clock, limiter, admitted, take } = setup(1);
    await take('write', 'a');

    const controller = new AbortController();
    const aborted = limiter
      .acquire('write', { endpoint: 'v2/room/get-rooms', signal: controller.signal })
      .catch((error: unknown) => error);
    void take('write', 'c');
    controller.abort(new Error('caller gave up'));

    expect(((await aborted) as Error).message).toBe('caller gave up');
    expect(limiter.snapshot().queued).toBe(1);

    await clock.advance(60_000);
    expect(admitted).toEqual(['a', 'c']);
  });

  it('keeps a limit under one call a minute by stretching the window', async () => {
    const { clock, admitted, take } = setup(0.5);

    void take('write', 'a');
    void take('write', 'b');
    await settle();
    expect(admitted).toEqual(['a']);

    await clock.advance(60_000);
    expect(admitted).toEqual(['a']);

    await clock.advance(60_000);
    expect(admitted).toEqual(['a', 'b']);
  });
});
