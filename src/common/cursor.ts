import { InvalidFieldsError } from './problem-details';

/** An opaque keyset cursor over (time, id): stable under inserts, cheap at any depth. */
export interface Keyset {
  at: Date;
  id: string;
}

export function encodeCursor(key: Keyset): string {
  return Buffer.from(JSON.stringify([key.at.toISOString(), key.id])).toString('base64url');
}

export function decodeCursor(cursor: string): Keyset {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    if (typeof id !== 'string' || Number.isNaN(date.getTime())) throw new Error('bad cursor');
    return { at: date, id };
  } catch {
    throw InvalidFieldsError.invalidValue('cursor', 'cursor is not a cursor this server issued');
  }
}

/** A page of an admin listing. */
export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * A page from rows fetched with `limit + 1`: the extra row only says that another page exists, and
 * the last row kept gives the cursor.
 */
export function pageOf<T, R>(
  rows: T[],
  limit: number,
  cursorOf: (last: T) => string,
  map: (row: T) => R,
): Page<R> {
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return {
    items: kept.map(map),
    nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null,
  };
}
