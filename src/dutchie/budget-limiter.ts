import type { Clock } from '../util/clock';
import type { CallPriority, UpstreamBudget } from './backoffice-api';
import { BudgetExhaustedError } from './errors';
import { RollingWindow } from './rolling-window';

/**
 * Share of the rolling window each priority may fill. Reads stop at 80% and background work at
 * 50% of the window, so a receive and its verification always find room even while a dashboard
 * or a mirror job is draining the budget.
 */
const PRIORITY_SHARE: Record<CallPriority, number> = {
  write: 1,
  verify: 1,
  read: 0.8,
  background: 0.5,
};

/** Order in which queues are served when a slot frees. */
const PRIORITY_ORDER: readonly CallPriority[] = ['write', 'verify', 'read', 'background'];

const MINUTE_MS = 60_000;

export interface BudgetLimiterOptions {
  limitPerMinute: number;
  maxQueueWaitMs: number;
  clock: Clock;
}

export interface AcquireOptions {
  /** Named in the BudgetExhaustedError. */
  endpoint: string;
  signal?: AbortSignal;
}

interface Waiter {
  priority: CallPriority;
  endpoint: string;
  enqueuedAt: number;
  deadline: number;
  resolve: (waitedMs: number) => void;
  reject: (error: unknown) => void;
  detach: () => void;
}

/**
 * Keeps upstream calls under a number per rolling minute, on the injected clock. Callers queue
 * FIFO within their priority instead of failing, up to `maxQueueWaitMs`. Each admission is one
 * HTTP attempt (logins and retries included), recorded at the moment it is let through.
 *
 * LIMITATION: the budget lives in one client instance; two processes on the same login each
 * spend their own budget against the upstream's one limit, because nothing shares the count.
 */
export class BudgetLimiter {
  private readonly clock: Clock;
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly maxQueueWaitMs: number;
  private readonly admitted = new RollingWindow();
  private readonly queues = new Map<CallPriority, Waiter[]>(
    PRIORITY_ORDER.map((priority) => [priority, []]),
  );
  private pausedUntil = 0;
  private wakeAt: number | null = null;
  private closed = false;

  constructor(private readonly options: BudgetLimiterOptions) {
    this.clock = options.clock;
    this.maxQueueWaitMs = options.maxQueueWaitMs;

    // Under one call a minute the window stretches instead (0.5/min = 1 per 2 minutes), so the
    // limit is still honoured with whole calls.
    this.limit = Math.max(1, options.limitPerMinute);
    this.windowMs = options.limitPerMinute < 1 ? MINUTE_MS / options.limitPerMinute : MINUTE_MS;
  }

  /** Resolves with the milliseconds waited once the call may go; rejects on budget or abort. */
  acquire(priority: CallPriority, options: AcquireOptions): Promise<number> {
    if (this.closed) return Promise.reject(new Error('the Backoffice budget limiter is closed'));
    if (options.signal?.aborted) return Promise.reject(options.signal.reason);

    // The common case: room in the window and nobody of this rank or above waiting.
    const now = this.clock.now();
    if (this.canAdmitAtOnce(priority, now)) {
      this.admitted.push(now);

      return Promise.resolve(0);
    }

    return new Promise<number>((resolve, reject) => {
      const waiter: Waiter = {
        priority,
        endpoint: options.endpoint,
        enqueuedAt: now,
        deadline: now + this.maxQueueWaitMs,
        resolve,
        reject,
        detach: () => undefined,
      };

      this.listenForAbort(waiter, options.signal);
      this.queues.get(priority)!.push(waiter);
      this.pump();
    });
  }

  /** Stops admitting anything until `at`: the upstream said it is over its limit. */
  pauseUntil(at: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, at);
    this.pump();
  }

  snapshot(): UpstreamBudget {
    this.prune(this.clock.now());

    let queued = 0;
    for (const queue of this.queues.values()) queued += queue.length;

    return {
      limitPerMinute: this.options.limitPerMinute,
      usedLastMinute: this.admitted.size,
      queued,
    };
  }

  /** Rejects every queued caller; later acquires fail at once. */
  close(): void {
    this.closed = true;

    for (const queue of this.queues.values()) {
      for (const waiter of queue.splice(0)) {
        waiter.detach();
        waiter.reject(new Error('the Backoffice client was closed while this call waited'));
      }
    }
  }

  private canAdmitAtOnce(priority: CallPriority, now: number): boolean {
    if (now < this.pausedUntil) return false;

    for (const rank of PRIORITY_ORDER) {
      if (this.queues.get(rank)!.length > 0) return false;
      if (rank === priority) break;
    }

    this.prune(now);

    return this.admitted.size < this.capacity(priority);
  }

  private capacity(priority: CallPriority): number {
    return Math.max(1, Math.floor(this.limit * PRIORITY_SHARE[priority] + 1e-9));
  }

  private prune(now: number): void {
    this.admitted.prune(now - this.windowMs);
  }

  private pump(): void {
    if (this.closed) return;

    const now = this.clock.now();
    this.prune(now);

    // Admit in priority order; a lower priority can only fit when every higher queue is empty
    // or blocked, because its capacity is never larger.
    if (now >= this.pausedUntil) {
      for (const priority of PRIORITY_ORDER) {
        const queue = this.queues.get(priority)!;

        while (queue.length > 0 && this.admitted.size < this.capacity(priority)) {
          const waiter = queue.shift()!;
          this.admitted.push(now);
          waiter.detach();
          waiter.resolve(now - waiter.enqueuedAt);
        }
      }
    }

    this.expireOverdue(now);
    this.scheduleWake(now);
  }

  private expireOverdue(now: number): void {
    for (const queue of this.queues.values()) {
      while (queue.length > 0 && queue[0].deadline <= now) {
        const waiter = queue.shift()!;
        waiter.detach();
        waiter.reject(this.exhausted(waiter, now));
      }
    }
  }

  private exhausted(waiter: Waiter, now: number): BudgetExhaustedError {
    const freeAt = Math.max(this.slotFreeAt(waiter.priority, now), this.pausedUntil);
    const retryAfterSeconds = Math.max(1, Math.ceil((freeAt - now) / 1000));
    const waitedSeconds = Math.round((now - waiter.enqueuedAt) / 1000);

    return new BudgetExhaustedError(
      `the upstream budget (${this.options.limitPerMinute} calls per minute) had no room for ` +
        `${waiter.endpoint} at priority ${waiter.priority} within ${waitedSeconds} s`,
      { endpoint: waiter.endpoint, retryAfterSeconds },
    );
  }

  /** When the window next has room for this priority, ignoring whoever queues ahead. */
  private slotFreeAt(priority: CallPriority, now: number): number {
    const excess = this.admitted.size - this.capacity(priority);
    if (excess < 0) return now;

    return this.admitted.at(excess) + this.windowMs;
  }

  private scheduleWake(now: number): void {
    const earliestDeadline = this.earliestDeadline();
    if (earliestDeadline === Infinity) return;

    const candidates = [earliestDeadline];
    if (this.pausedUntil > now) candidates.push(this.pausedUntil);
    else if (this.admitted.size > 0) candidates.push(this.admitted.at(0) + this.windowMs);

    const target = Math.max(now, Math.min(...candidates));

    // A wake already due no later than this one will reschedule when it fires.
    if (this.wakeAt !== null && this.wakeAt <= target) return;

    this.wakeAt = target;
    void this.clock.sleep(target - now).then(() => {
      if (this.wakeAt === target) this.wakeAt = null;
      this.pump();
    });
  }

  private earliestDeadline(): number {
    let earliest = Infinity;

    for (const queue of this.queues.values()) {
      if (queue.length > 0) earliest = Math.min(earliest, queue[0].deadline);
    }

    return earliest;
  }

  private listenForAbort(waiter: Waiter, signal: AbortSignal | undefined): void {
    if (!signal) return;

    const onAbort = () => {
      const queue = this.queues.get(waiter.priority)!;
      const index = queue.indexOf(waiter);
      if (index >= 0) queue.splice(index, 1);

      waiter.reject(signal.reason);
    };

    signal.addEventListener('abort', onAbort, { once: true });
    waiter.detach = () => signal.removeEventListener('abort', onAbort);
  }
}
