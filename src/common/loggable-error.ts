/** What a log line may say of an error: no SQL parameter value, nor any text that repeats one. */
export interface LoggableError {
  /** The error's class, e.g. QueryFailedError (also as `name`, which pino reads). */
  name: string;
  type: string;
  message: string;
  stack?: string;
  /** PostgreSQL's SQLSTATE (e.g. 23503), or Node's (e.g. ECONNREFUSED). */
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
  /** The statement text: placeholders ($1), never values. */
  query?: string;
}

interface ErrorShape {
  name?: unknown;
  message?: unknown;
  stack?: unknown;
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  routine?: unknown;
  query?: unknown;
  parameters?: unknown;
  driverError?: ErrorShape;
}

const REDACTED = '[redacted]';
/** Shorter values are left alone: redacting "a" or "on" would erase the message itself. */
const MIN_REDACTED_LENGTH = 3;

/** Every string inside the parameters (jsonb documents included), as sent and as JSON escapes it. */
function parameterTexts(parameters: unknown): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, depth: number) => {
    if (depth > 20 || value === null || value === undefined) return;
    if (typeof value === 'string') {
      found.add(value);
      found.add(JSON.stringify(value).slice(1, -1));
    } else if (Buffer.isBuffer(value)) {
      found.add(value.toString('hex'));
      found.add(value.toString('base64'));
    } else if (value instanceof Date) {
      return;
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
    } else if (typeof value === 'object') {
      for (const item of Object.values(value)) visit(item, depth + 1);
    }
  };
  visit(parameters, 0);
  // Longest first, so that a value containing another is replaced whole.
  return [...found].filter((s) => s.length >= MIN_REDACTED_LENGTH).sort((a, b) => b.length - a.length);
}

function redact(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  return out;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * The error as it may be logged. TypeORM's QueryFailedError carries the statement's `parameters`
 * (password hashes, webhook secrets, names) and PostgreSQL's `detail`, `where` and messages repeat
 * row values: parameters, detail and where are dropped, and any parameter value found in the message,
 * stack or statement is replaced by "[redacted]".
 */
export function loggableError(error: unknown): LoggableError {
  if (typeof error !== 'object' || error === null) {
    return { name: typeof error, type: typeof error, message: String(error) };
  }
  const shape = error as ErrorShape;
  const driver = shape.driverError ?? shape;
  const secrets = parameterTexts(shape.parameters ?? driver.parameters);
  const clean = (value: unknown) => {
    const s = text(value);
    return s === undefined ? undefined : redact(s, secrets);
  };
  const type = text(shape.name) ?? error.constructor?.name ?? 'Error';
  // Without a prototype pino's error serializer takes `name` for the type, not "Object".
  const result = Object.assign(Object.create(null) as LoggableError, {
    name: type,
    type,
    message: clean(shape.message) ?? '',
  });
  const optional: Array<[Exclude<keyof LoggableError, 'name' | 'type' | 'message'>, unknown]> = [
    ['stack', shape.stack],
    ['code', shape.code ?? driver.code],
    ['constraint', shape.constraint ?? driver.constraint],
    ['table', shape.table ?? driver.table],
    ['column', shape.column ?? driver.column],
    ['routine', shape.routine ?? driver.routine],
    ['query', shape.query],
  ];
  for (const [key, value] of optional) {
    const cleaned = clean(value);
    if (cleaned !== undefined) result[key] = cleaned;
  }
  return result;
}
