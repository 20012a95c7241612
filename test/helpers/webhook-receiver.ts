import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { DeliveryWorker } from '../../src/events/delivery-worker';

/** An event as a receiver gets it. */
export interface ReceivedEvent {
  id: string;
  type: string;
  sequence: string | null;
  data: Record<string, unknown>;
}

/** One POST a receiver answered. */
export interface ReceivedPost {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
  /** The events it carried: the body itself, or the `events` of a batch. */
  events: ReceivedEvent[];
  startedAt: number;
  /** When the sender gave up on it (closed the connection before the answer), if it did. */
  abandonedAt: number | null;
}

/**
 * A local webhook receiver on 127.0.0.1 and a port the OS picks. It answers with the queued
 * statuses (then 200) after `delayMs`, and records every POST, successful or not, with how many
 * POSTs of the same event were in flight at once.
 */
export class WebhookReceiver {
  readonly posts: ReceivedPost[] = [];
  readonly statuses: number[] = [];
  delayMs = 0;
  maxInFlightPerEvent = 0;
  private readonly inFlight = new Map<string, number>();
  private server: Server | null = null;

  /** The POSTs answered 2xx. */
  get delivered(): ReceivedPost[] {
    return this.posts.filter((p) => p.status >= 200 && p.status < 300);
  }

  /** The events answered 2xx, in the order they came, for one path. */
  eventsAt(path: string): ReceivedEvent[] {
    return this.delivered.filter((p) => p.path === path).flatMap((p) => p.events);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const parsed = JSON.parse(body) as ReceivedEvent | { events: ReceivedEvent[] };
        const events = 'events' in parsed ? parsed.events : [parsed];
        const keys = events.map((e) => `${req.url} ${e.id}`);
        for (const key of keys) {
          const busy = (this.inFlight.get(key) ?? 0) + 1;
          this.inFlight.set(key, busy);
          this.maxInFlightPerEvent = Math.max(this.maxInFlightPerEvent, busy);
        }
        const status = this.statuses.shift() ?? 200;
        const post: ReceivedPost = {
          path: req.url ?? '',
          headers: req.headers,
          body,
          status,
          events,
          startedAt: Date.now(),
          abandonedAt: null,
        };
        this.posts.push(post);
        res.on('close', () => {
          if (!res.writableFinished) post.abandonedAt = Date.now();
          for (const key of keys) this.inFlight.set(key, (this.inFlight.get(key) ?? 1) - 1);
        });
        const answer = () => {
          if (!res.destroyed) res.writeHead(status).end();
        };
        if (this.delayMs > 0) setTimeout(answer, this.delayMs);
        else answer();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/hooks`;
  }

  stop(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Whether the Standard Webhooks library accepts a received POST as signed with `secret`. */
export function verifies(secret: string, post: { body: string; headers: IncomingHttpHeaders }): boolean {
  try {
    new Webhook(secret).verify(post.body, post.headers as Record<string, string>);
    return true;
  } catch {
    return false;
  }
}

/** Runs the worker for a tenant until nothing of it is due (other test files deliver their own). */
export async function drain(worker: DeliveryWorker, tenantId: string): Promise<void> {
  while ((await worker.runOnce(tenantId)) > 0);
}
