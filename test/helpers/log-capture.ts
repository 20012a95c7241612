import { Writable } from 'node:stream';

/** Collects the app's JSON log lines (pass it as `logStream` to createTestApp). */
export class LogCapture extends Writable {
  readonly lines: Array<Record<string, unknown>> = [];
  text = '';

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    const text = chunk.toString('utf8');
    this.text += text;
    for (const line of text.split('\n').filter(Boolean)) {
      this.lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    done();
  }
}
