import { ScimError } from '../errors/scim-error';
import { Filter, parseFilter } from '../filter/filter-parser';

/** A PATCH `path` (RFC 7644 §3.5.2): `attrPath`, or `attrPath[valFilter]` with an optional `.subAttr`. */
export interface PatchPath {
  attrPath: string;
  filter: Filter | null;
  subAttr: string | null;
}

function invalidPath(path: string, why: string): ScimError {
  return ScimError.badRequest('invalidPath', `path "${path}" ${why}`);
}

export function parsePatchPath(path: string): PatchPath {
  const open = path.indexOf('[');
  if (open === -1) return { attrPath: path.trim(), filter: null, subAttr: null };
  let close = -1;
  let quoted = false;
  for (let i = open + 1; i < path.length; i++) {
    const c = path[i];
    if (c === '\\' && quoted) i++;
    else if (c === '"') quoted = !quoted;
    else if (c === ']' && !quoted) {
      close = i;
      break;
    }
  }
  if (close === -1) throw invalidPath(path, 'has "[" without a matching "]"');
  const rest = path.slice(close + 1).trim();
  if (rest !== '' && !/^\.[A-Za-z$][\w$-]*$/.test(rest))
    throw invalidPath(path, 'has text after "]" that is not a sub-attribute');
  let filter: Filter;
  try {
    filter = parseFilter(path.slice(open + 1, close));
  } catch {
    throw invalidPath(path, 'has a value filter that does not parse');
  }
  return { attrPath: path.slice(0, open).trim(), filter, subAttr: rest ? rest.slice(1) : null };
}
