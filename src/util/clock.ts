/**
 * One source of time for everything that expires, waits or rate-limits: sessions, the upstream
 * budget, the sandbox's rate window and read lag. Tests swap in a FakeClock so that an hour of
 * session life or a minute of rate window passes in milliseconds.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds of this clock's time. */
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)).unref?.()),
};

interface Sleeper {
  wakeAt: number;
  resolve: () => void;
}

/**
 * A clock that only moves when told to. Sleepers wake in order of their deadlines as `advance`
 * passes them, each after the microtasks queued before it have run, so code awaiting a sleep
 * observes time the way it would with a real clock.
 */
export class FakeClock implements Clock {
  private current: number;
  private sleepers: Sleeper[] = [];

  constructor(start = Date.UTC(2026, 11, 3, 16, 0, 0)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.sleepers.push({ wakeAt: this.current + Math.max(0, ms), resolve });
      this.sleepers.sort((a, b) => a.wakeAt - b.wakeAt);
    });
  }

  /** Moves time forward by `ms`, waking every sleeper whose deadline falls inside. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;

    while (this.sleepers.length > 0 && this.sleepers[0].wakeAt <= target) {
      const next = this.sleepers.shift()!;
      this.current = Math.max(this.current, next.wakeAt);
      next.resolve();
      await flushMicrotasks();
    }

    this.current = target;
    await flushMicrotasks();
  }

  /** Number of pending sleepers; lets a test wait until code under test has started waiting. */
  get pendingSleepers(): number {
    return this.sleepers.length;
  }
}

async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}
