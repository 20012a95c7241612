import type { Filter } from 'scim2-parse-filter';
import { parseFilter as parseTokens, Tokens } from 'scim2-parse-filter/lib/src/parser';
import { ScimError } from '../errors/scim-error';
import { unstorableText } from '../http/json-body-checks';
import { checkFilterCost } from './filter-cost';
import { filterTokens } from './filter-lexer';

export type { Filter };

/** Longest filter accepted; a filter is a query, not a document. */
const MAX_FILTER_LENGTH = 4096;

/**
 * Parses an RFC 7644 §3.4.2.2 filter. The grammar is scim2-parse-filter's (it keeps URN paths), read
 * from our own tokens (filter-lexer.ts); what the filter means is decided by FilterToSql against the schema.
 */
export function parseFilter(text: string): Filter {
  if (text.length > MAX_FILTER_LENGTH) {
    throw ScimError.badRequest('invalidFilter', `filter is longer than ${MAX_FILTER_LENGTH} characters`);
  }
  const problem = unstorableText(text);
  if (problem) throw ScimError.badRequest('invalidFilter', `filter ${problem}`);
  let filter: Filter;
  try {
    const tokens = new Tokens(filterTokens(text));
    filter = parseTokens(tokens);
    if (tokens.peek().type !== 'EOT') throw new Error(`unexpected ${tokens.peek().literal}`);
  } catch (error) {
    if (error instanceof ScimError) throw error;
    const reason = error instanceof Error ? error.message : 'unparseable';
    throw ScimError.badRequest('invalidFilter', `filter "${text}" is not a valid SCIM filter: ${reason}`);
  }
  checkFilterCost(filter);
  return filter;
}
