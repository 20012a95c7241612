/**
 * Hostile JSON values and text, for the barrage (test/barrage.e2e-spec.ts). Some cannot be written
 * as JavaScript values (1e400, -0 as text, a lone surrogate escape, a duplicate key), so a body is
 * built from `Json` values, where `RawJson` is JSON text put in as it is.
 */
export class RawJson {
  constructor(readonly text: string) {}
}

export type Json = RawJson | null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON text of a value, with RawJson pieces put in verbatim. */
export function jsonText(value: Json): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}:${jsonText(item)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export const NUL = '\u0000';
const raw = (text: string) => new RawJson(text);
const nested = (depth: number) => raw('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));

/** A labelled value: the label names it in a case's name. */
export type Labelled = [label: string, value: Json];

/** Text that can never be stored: in every string position, on every route. */
export const UNSTORABLE_TEXT: Labelled[] = [
  ['a NUL byte', `a${NUL}b`],
  ['a lone high surrogate', raw('"a\\ud800b"')],
  ['a lone low surrogate', raw('"\\udfff"')],
];

/** Wrong JSON types and odd numbers, for any position. */
export const WRONG_TYPES: Labelled[] = [
  ['null', null],
  ['an empty array', []],
  ['an empty object', {}],
  ['an array of null', [null]],
  ['an array of arrays', [[]]],
  ['a nested object', { a: { b: {} } }],
  ['zero', 0],
  ['a negative number', -1],
  ['true', true],
  ['false', false],
  ['1e400', raw('1e400')],
  ['-0', raw('-0')],
  ['a huge integer', raw('123456789012345678901234567890')],
  ['a tiny float', raw('4.9e-400')],
  ['JSON nested 40 levels', nested(40)],
];

/** Strings too long to index (over 512 characters), and too long for anything (100 KB). */
export const OVERLONG_TEXT: Labelled[] = [
  ['600 characters', 'x'.repeat(600)],
  ['100 KB', 'y'.repeat(100_000)],
];

/** Strings that are storable text but empty, blank, or markup. */
export const ODD_TEXT: Labelled[] = [
  ['an empty string', ''],
  ['a blank string', ' \t '],
  ['markup', '<img src=x onerror=alert(1)>'],
  ['SQL', "' OR 1=1 --"],
];

/** Every hostile value for a string position. */
export const HOSTILE_VALUES: Labelled[] = [...UNSTORABLE_TEXT, ...WRONG_TYPES, ...OVERLONG_TEXT, ...ODD_TEXT];

/** Identifiers that are no identifier of this tenant's (besides another tenant's ids, added per route). */
export const HOSTILE_IDS: Array<[label: string, segment: string]> = [
  ['not a UUID', 'not-a-uuid'],
  ['zero', '0'],
  ['negative', '-1'],
  ['an absent UUID', 'ffffffff-ffff-4fff-bfff-ffffffffffff'],
  ['a UUID with a space', '2b7c1a64-3c53-4f3e-9d0a-0e1f2a3b4c5d%20'],
  ['dot-dot', '..'],
  ['a traversal', '..%2F..%2Fadmin%2Ftenants'],
  ['an encoded dot-dot', '%2e%2e'],
  ['an encoded slash', 'a%2Fb'],
  ['an encoded NUL', 'a%00b'],
  ['broken percent-encoding', '%E0%A4%A'],
  ['an encoded lone surrogate', '%ED%A0%80'],
  ['invalid percent-encoding', '%ZZ'],
  ['SQL', "'%20OR%201=1%20--"],
  ['a wildcard', '*'],
  ['5,000 characters', 'z'.repeat(5000)],
];

/** A deterministic pseudo-random sequence (mulberry32), so the barrage is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` items of `items`, picked without repeats by `random`. */
export function sample<T>(random: () => number, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const picked: T[] = [];
  while (picked.length < count && pool.length > 0) {
    picked.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
  }
  return picked;
}
