import { DatabaseLimitError } from './database-limit-error';

interface Waiter {
  grant(release: () => void): void;
  timer: NodeJS.Timeout;
}

/**
 * At most `max` requests of one tenant are served at once in this process; the next wait their turn
 * in order, each for at most `waitMs`, then fail with a DatabaseLimitError (503). So one tenant's slow
 * queries hold at most `max` of the pool's connections, and every other tenant keeps the rest.
 */
export class TenantConcurrency {
  private readonly running = new Map<string, number>();
  private readonly waiting = new Map<string, Waiter[]>();

  constructor(
    private readonly max: number,
    private readonly waitMs: number,
  ) {}

  /** The function that gives the turn back (call it once) when the tenant has a turn free now, else null. */
  tryAcquire(tenantId: string): (() => void) | null {
    const key = tenantId.toLowerCase();
    return (this.running.get(key) ?? 0) < this.max ? this.take(key) : null;
  }

  /** Resolves with the function that gives the turn back (call it once), when the tenant's turn comes. */
  acquire(tenantId: string): Promise<() => void> {
    const now = this.tryAcquire(tenantId);
    if (now) return Promise.resolve(now);
    const key = tenantId.toLowerCase();
    return new Promise((resolve, reject) => {
      const queue = this.waiting.get(key) ?? [];
      this.waiting.set(key, queue);
      const waiter: Waiter = {
        grant: resolve,
        timer: setTimeout(() => {
          const at = queue.indexOf(waiter);
          if (at >= 0) queue.splice(at, 1);
          if (queue.length === 0) this.waiting.delete(key);
          reject(
            new DatabaseLimitError(
              'tenant concurrency',
              `${this.max} requests of this tenant already in progress; waited ${this.waitMs} ms`,
            ),
          );
        }, this.waitMs),
      };
      queue.push(waiter);
    });
  }

  /** Requests of the tenant being served now (for tests and health). */
  inProgress(tenantId: string): number {
    return this.running.get(tenantId.toLowerCase()) ?? 0;
  }

  private take(key: string): () => void {
    this.running.set(key, (this.running.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.get(key)?.shift();
      if (next) {
        // The turn passes straight to the next in line: the count stays as it is.
        clearTimeout(next.timer);
        if (this.waiting.get(key)?.length === 0) this.waiting.delete(key);
        this.running.set(key, (this.running.get(key) ?? 1) - 1);
        next.grant(this.take(key));
        return;
      }
      const left = (this.running.get(key) ?? 1) - 1;
      if (left > 0) this.running.set(key, left);
      else this.running.delete(key);
    };
  }
}
