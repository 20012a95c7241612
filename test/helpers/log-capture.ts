import { Writable } from 'node:stream';

/** Collects pino's JSON lines, raw and parsed. */
export class LogCapture extends Writable {
  readonly lines: Array<Record<string, unknown>> = [];
  readonly raw: string[] = [];
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString('utf8');
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      this.raw.push(line);
      this.lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    done();
  }

  /** The request line of the request with this X-Request-Id. */
  requestLine(id: string): Record<string, unknown> | undefined {
    return this.lines.find((l) => (l.req as { id?: string } | undefined)?.id === id);
  }
}
