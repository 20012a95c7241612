import { Injectable } from '@nestjs/common';

/**
 * Whether the process is draining (SIGTERM received): /health/ready answers 503, and every response
 * carries `Connection: close` so that keep-alive clients move to another instance.
 */
@Injectable()
export class ShutdownState {
  private drainingSince: number | null = null;

  get draining(): boolean {
    return this.drainingSince !== null;
  }

  begin(): void {
    this.drainingSince ??= Date.now();
  }
}
