/**
 * One caller at a time per idempotency key inside this process. Ten concurrent submissions of
 * one key queue here; the first does the work and the rest find its ledger row. (Across
 * processes the ledger row, taken in a write transaction, is the guard.)
 */
export class KeyLock {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);

    await previous;
    try {
      return await work();
    } finally {
      release();
      // Only the last waiter clears the entry, so the map does not grow with old keys.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** Whether a caller holds or awaits the key in this process. */
  isBusy(key: string): boolean {
    return this.tails.has(key);
  }
}
