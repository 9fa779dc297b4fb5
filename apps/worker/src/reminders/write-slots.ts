/**
 * A counting semaphore: at most `size` holders at once, the others wait in arrival order. The scan's readers
 * share one, so that reading a burst with several readers does not multiply the chunk writes in flight.
 */
export class WriteSlots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    this.free = Math.max(1, size);
  }

  /** Waits for a slot; returns its release (to call once). */
  async take(): Promise<() => void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    };
  }
}
