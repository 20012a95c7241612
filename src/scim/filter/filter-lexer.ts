import type { Token } from 'scim2-parse-filter/lib/src/parser';
import { ScimError } from '../errors/scim-error';
import { unstorableText } from '../http/json-body-checks';

/**
 * One lexeme of RFC 7644 §3.4.2.2 at the start of the text: whitespace, a number, a JSON string, a
 * bracket (`]` with the `.` of `emails[…].value`), or a word (attribute path, operator, true/false/null).
 * A number ends where a word could not go on, so `-1)` and `1e+2 and` are numbers too.
 */
const LEXEME =
  /^(?:(\s+)|(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)(?![\w.:/%-])|("(?:[^"\\]|\\.)*")|(\[|\(|\)|\]\.?)|(\w[-\w.:/%]*))/;

/**
 * A quoted literal as the JSON string it must be (RFC 7644 §3.4.2.2), so `"a\\b"` is `a\b` and
 * `"\u00e9"` is `é`. Text that is not JSON (`"CONTOSO\jdoe"`, a backslash that escapes nothing) is
 * read with its backslashes as written, as clients that do not escape them mean it.
 */
function quoted(literal: string): string {
  let value: unknown;
  try {
    value = JSON.parse(literal);
  } catch {
    return literal.replace(/\\(?!")/g, '\\\\');
  }
  const problem = typeof value === 'string' ? unstorableText(value) : null;
  if (problem) throw ScimError.badRequest('invalidFilter', `filter value ${problem}`);
  return literal;
}

/**
 * Splits a filter into the tokens scim2-parse-filter's parser reads. Its own tokenizer doubles every
 * backslash (so `"x\\"` fails and `"a\\b"` means `a\\b`) and reads `-1` before a space or `)` as no
 * token at all; the grammar after the tokens is its own.
 */
export function filterTokens(text: string): Token[] {
  const tokens: Token[] = [];
  let rest = text;
  while (rest.length > 0) {
    const match = LEXEME.exec(rest);
    if (!match || match[0].length === 0) throw new Error(`unexpected token ${rest}`);
    if (match[2]) tokens.push({ type: 'Number', literal: match[2] });
    else if (match[3]) tokens.push({ type: 'Quoted', literal: quoted(match[3]) });
    else if (match[4]) tokens.push({ type: 'Bracket', literal: match[4] });
    else if (match[5]) tokens.push({ type: 'Word', literal: match[5] });
    rest = rest.slice(match[0].length);
  }
  tokens.push({ type: 'EOT', literal: '' });
  return tokens;
}
