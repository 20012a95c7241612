/** Keys whose value is never kept: `password` (writeOnly, RFC 7643 §4.1.1) alone or ending a URN or path. */
const SECRET_NAME = /(^|[:.])password$/i;
export const REDACTED = '[redacted]';

/** A body as the activity log keeps it: redacted JSON text, cut at the limit and then marked. */
export interface KeptBody {
  text: string;
  truncated: boolean;
}

/** Lone surrogates, which PostgreSQL's text and jsonb refuse (as they refuse NUL). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A short string fit to store: unstorable characters replaced, at most `max` characters. */
export function keptText(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const text = value.length > max ? value.slice(0, max) : value;
  return text.replaceAll('\u0000', '\ufffd').replace(LONE_SURROGATE, '\ufffd');
}

class Full extends Error {}

/**
 * Writes `value` as JSON with every secret left out, and stops as soon as `maxChars` is passed, so a
 * 1 MB body costs no more than the part that is kept.
 */
class RedactingWriter {
  private readonly parts: string[] = [];
  private length = 0;

  constructor(private readonly maxChars: number) {}

  text(): string {
    return this.parts.join('');
  }

  write(value: unknown): void {
    if (value === null || typeof value !== 'object') {
      this.push(JSON.stringify(value) ?? 'null');
    } else if (Array.isArray(value)) {
      this.push('[');
      value.forEach((item, i) => {
        if (i > 0) this.push(',');
        this.write(item);
      });
      this.push(']');
    } else {
      this.writeObject(value as Record<string, unknown>);
    }
  }

  private writeObject(object: Record<string, unknown>): void {
    // A PATCH operation on the password carries it as `value`: {"op":"replace","path":"password",…}.
    const pathKey = Object.keys(object).find((k) => k.toLowerCase() === 'path');
    const path = pathKey ? object[pathKey] : undefined;
    const secretValue = typeof path === 'string' && SECRET_NAME.test(path.trim());
    this.push('{');
    let first = true;
    for (const [key, item] of Object.entries(object)) {
      if (item === undefined) continue;
      if (!first) this.push(',');
      first = false;
      this.push(JSON.stringify(key) + ':');
      const secret = SECRET_NAME.test(key) || (secretValue && key.toLowerCase() === 'value');
      if (secret) this.push(JSON.stringify(REDACTED));
      else this.write(item);
    }
    this.push('}');
  }

  private push(part: string): void {
    this.parts.push(part);
    this.length += part.length;
    if (this.length > this.maxChars) throw new Full();
  }
}

/** Cuts a UTF-8 text at `maxBytes` without splitting a character. */
function cutToBytes(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  let end = maxBytes;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end -= 1; // back to the start of a character
  return bytes.subarray(0, end).toString('utf8');
}

/**
 * The body as kept: JSON without `password` (nor the value of a PATCH operation whose path is the
 * password), at most `maxBytes` bytes of UTF-8, `truncated` when cut.
 */
export function keptBody(value: unknown, maxBytes: number): KeptBody {
  const writer = new RedactingWriter(maxBytes);
  let full = false;
  try {
    writer.write(value);
  } catch (error) {
    if (!(error instanceof Full)) throw error;
    full = true;
  }
  const written = writer.text();
  const text = cutToBytes(written, maxBytes);
  return { text, truncated: full || text.length < written.length };
}
