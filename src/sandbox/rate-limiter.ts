import type { Clock } from '../util/clock';

const WINDOW_MS = 60_000;

/**
 * A rolling 60-second window per session on the injected clock. Only admitted calls fill
 * the window, so a client that backs off recovers as soon as its oldest call is a minute old.
 */
export class RateLimiter {
  private windows = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    readonly perMinute: number,
  ) {}

  admit(key: string): boolean {
    if (this.perMinute <= 0) return true;

    const now = this.clock.now();
    const calls = (this.windows.get(key) ?? []).filter((at) => at > now - WINDOW_MS);
    this.windows.set(key, calls);
    if (calls.length >= this.perMinute) return false;

    calls.push(now);

    return true;
  }

  message(): string {
    return `Too many requests - only ${this.perMinute} per minute allowed`;
  }

  reset(): void {
    this.windows.clear();
  }
}
