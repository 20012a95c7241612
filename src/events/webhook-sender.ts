import { Agent as HttpAgent, request as httpRequest, IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RefusedDestination, WebhookDestinations } from './webhook-destinations';
import { signatureHeaders } from './webhook-signature';

/** One signed POST: a single event, a batch, or a test event. */
export interface OutgoingPost {
  url: string;
  /** `user:password` from the URL (percent-encoded), sent as HTTP Basic authentication. */
  credentials: string | null;
  /** The `webhook-id`: the same on every attempt of the same POST, so receivers can deduplicate. */
  webhookId: string;
  body: string;
  /** The secrets to sign with: the current one, and a rotated-out one while it is still honoured. */
  secrets: string[];
}

export interface AttemptResult {
  at: Date;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
  delivered: boolean;
}

/**
 * POSTs webhooks over keep-alive connections. Every new connection resolves its host through
 * WebhookDestinations, which refuses private destinations and pins the address it checked. The
 * whole attempt (lookup, connect, send, response headers) has WEBHOOK_TIMEOUT_MS; any 2xx is success.
 */
@Injectable()
export class WebhookSender implements OnApplicationShutdown {
  private readonly http = new HttpAgent({ keepAlive: true, scheduling: 'lifo' });
  private readonly https = new HttpsAgent({ keepAlive: true, scheduling: 'lifo' });

  constructor(
    private readonly destinations: WebhookDestinations,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationShutdown(): void {
    this.http.destroy();
    this.https.destroy();
  }

  async send(post: OutgoingPost): Promise<AttemptResult> {
    const at = new Date();
    const started = performance.now();
    const outcome = (statusCode: number | null, error: string | null): AttemptResult => ({
      at,
      statusCode,
      latencyMs: Math.round(performance.now() - started),
      error,
      delivered: error === null,
    });
    const url = new URL(post.url);
    const refusal = this.destinations.literalRefusal(url);
    if (refusal) return outcome(null, refusal);
    try {
      const status = await this.post(url, post, Math.floor(at.getTime() / 1000));
      return outcome(status, status >= 200 && status < 300 ? null : `receiver answered ${status}`);
    } catch (error) {
      return outcome(null, this.describe(error));
    }
  }

  private post(url: URL, post: OutgoingPost, timestamp: number): Promise<number> {
    const secure = url.protocol === 'https:';
    return new Promise((resolve, reject) => {
      const request = (secure ? httpsRequest : httpRequest)(url, {
        method: 'POST',
        agent: secure ? this.https : this.http,
        lookup: this.destinations.lookup,
        signal: AbortSignal.timeout(this.config.webhookTimeoutMs),
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(post.body),
          'User-Agent': 'Rollcall-Webhooks/2',
          ...(post.credentials ? { Authorization: basicAuth(post.credentials) } : {}),
          ...signatureHeaders(post.webhookId, timestamp, post.body, post.secrets),
        },
      });
      request.once('response', (response: IncomingMessage) => {
        // The status decides; the body is read and dropped so the connection can be reused.
        response.resume();
        response.once('error', () => undefined);
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.end(post.body);
    });
  }

  private describe(error: unknown): string {
    if (error instanceof RefusedDestination) return error.message;
    const cause = error as NodeJS.ErrnoException;
    if (cause?.name === 'AbortError' || cause?.name === 'TimeoutError' || cause?.code === 'ABORT_ERR') {
      return `no answer within ${this.config.webhookTimeoutMs} ms`;
    }
    if (cause?.cause instanceof RefusedDestination) return cause.cause.message;
    return cause?.code ? `${cause.code}: ${cause.message}` : String(cause?.message ?? error);
  }
}

function basicAuth(credentials: string): string {
  const [user, ...password] = credentials.split(':');
  const plain = `${decodeURIComponent(user)}:${decodeURIComponent(password.join(':'))}`;
  return `Basic ${Buffer.from(plain).toString('base64')}`;
}
