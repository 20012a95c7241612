import { ScimError } from '../errors/scim-error';

/** Deepest nesting a request body may have; SCIM and admin messages need about six levels. */
export const MAX_JSON_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const PLAIN_NAME = /^[A-Za-z_$][\w$:.-]*$/;
/**
 * Keys no SCIM schema and no admin body has, which object mappers skip without a word
 * (class-transformer drops them before the admin API's unknown-field check could refuse them).
 */
const OBJECT_INTERNALS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Why a string cannot be stored as text, or null when it can. PostgreSQL's text and jsonb refuse
 * U+0000, and a lone UTF-16 surrogate (which JSON.parse lets through from "\ud800") is no character.
 */
export function unstorableText(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character (U+0000), which cannot be stored';
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate, which is not text';
  return null;
}

function member(path: string, key: string): string {
  const name = PLAIN_NAME.test(key) ? key : JSON.stringify(key).slice(1, -1).slice(0, 100);
  return path === '' ? name : `${path}.${name}`;
}

/**
 * The checks every parsed JSON body passes before anything reads it, on SCIM and admin routes alike:
 * nesting at most MAX_JSON_DEPTH deep (deeper bodies overflow recursive readers), every string,
 * key or value, storable text, and no key named like an object's internals (`__proto__`). A failure
 * is a 400 naming the place (`name.givenName`, `emails[1].value`).
 * Walks with its own stack, so a deep body cannot overflow this check either.
 */
export function checkJsonBody(body: unknown): void {
  const pending: Array<{ value: unknown; path: string; depth: number }> = [
    { value: body, path: '', depth: 0 },
  ];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path, depth } = next;
    if (typeof value === 'string') {
      const problem = unstorableText(value);
      if (problem) throw ScimError.badRequest('invalidValue', `${path || 'The request body'} ${problem}`);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH) {
      throw ScimError.badRequest('invalidSyntax', `JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
    }
    const children: Array<{ value: unknown; path: string; depth: number }> = [];
    if (Array.isArray(value)) {
      value.forEach((item: unknown, i) =>
        children.push({ value: item, path: `${path}[${i}]`, depth: depth + 1 }),
      );
    } else {
      for (const [key, item] of Object.entries(value)) {
        const problem = unstorableText(key);
        if (problem) throw ScimError.badRequest('invalidValue', `${member(path, key)} ${problem}`);
        if (OBJECT_INTERNALS.has(key)) {
          throw ScimError.badRequest(
            'invalidValue',
            `${member(path, key)} is not a name any request may use`,
          );
        }
        children.push({ value: item, path: member(path, key), depth: depth + 1 });
      }
    }
    // Reversed onto the stack, so the first problem in document order is the one reported.
    for (let i = children.length - 1; i >= 0; i -= 1) pending.push(children[i]);
  }
}
