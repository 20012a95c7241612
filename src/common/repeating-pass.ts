/**
 * A background pass on a timer that does not keep the process alive: the first run `firstDelayMs`
 * after `start`, each next one `intervalMs` after the previous one ended, so runs never overlap. A
 * run's failure goes to `failed` and the passes go on; `stop` waits for the run in flight.
 */
export class RepeatingPass {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly run: () => Promise<unknown>,
    private readonly failed: (error: unknown) => void,
  ) {}

  /** True once `stop` was called: a long run checks it between steps. */
  get isStopped(): boolean {
    return this.stopped;
  }

  start(firstDelayMs: number, intervalMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.run().catch(this.failed);
      void this.running.then(() => this.start(intervalMs, intervalMs));
    }, firstDelayMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
