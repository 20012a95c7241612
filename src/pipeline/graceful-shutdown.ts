import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ShutdownState } from './shutdown-state';

/** How often idle keep-alive connections are closed while draining. */
const SWEEP_MS = 100;

/**
 * SIGTERM (or SIGINT) drains this process within `graceMs`: /health/ready turns 503 and every response
 * carries `Connection: close` at once (ShutdownState), the listener stops taking connections, idle
 * keep-alive connections are closed, in-flight requests finish; then the app closes (delivery worker,
 * database) and the process exits. Connections still busy when the grace period ends are cut.
 */
export function drainOnSignals(app: NestExpressApplication, graceMs: number): void {
  const logger = new Logger('Shutdown');
  const server: Server = app.getHttpServer();
  let draining = false;
  const drain = async (signal: NodeJS.Signals) => {
    if (draining) return;
    draining = true;
    const startedAt = performance.now();
    app.get(ShutdownState).begin();
    logger.log({ signal, graceMs }, `${signal}: draining, then shutting down`);
    const closed = new Promise<boolean>((resolve) => server.close(() => resolve(true)));
    server.closeIdleConnections();
    const sweep = setInterval(() => server.closeIdleConnections(), SWEEP_MS);
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      closed,
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
    ]);
    clearInterval(sweep);
    clearTimeout(timer);
    if (!drained) {
      logger.warn({ graceMs }, 'grace period over: closing the connections still busy');
      server.closeAllConnections();
    }
    const drainMs = Math.round(performance.now() - startedAt);
    try {
      await app.close();
    } catch (err) {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    }
    logger.log({ drainMs, totalMs: Math.round(performance.now() - startedAt) }, 'shut down');
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, (s) => void drain(s));
}
