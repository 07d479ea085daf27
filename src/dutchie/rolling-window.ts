/**
 * The admission times inside the limiter's rolling window, oldest first. Expiry only ever
 * removes from the front, so a head index replaces `splice(0, n)`, which would shift every
 * entry on each call once a high limit keeps many thousands of them in the window.
 */
export class RollingWindow {
  private times: number[] = [];
  private head = 0;

  get size(): number {
    return this.times.length - this.head;
  }

  /** The i-th oldest admission time still in the window. */
  at(index: number): number {
    return this.times[this.head + index];
  }

  push(time: number): void {
    this.times.push(time);
  }

  /** Drops every time at or before the horizon. */
  prune(horizon: number): void {
    while (this.head < this.times.length && this.times[this.head] <= horizon) this.head += 1;

    // Reclaim the dead prefix once it outweighs the live part.
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }
}
