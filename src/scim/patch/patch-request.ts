import { ScimError } from '../errors/scim-error';
import { isObject } from '../resource/attribute-values';
import { PATCH_OP } from '../schema/urns';

export type PatchOpName = 'add' | 'remove' | 'replace';

export interface PatchOperation {
  op: PatchOpName;
  path: string | null;
  value: unknown;
}

/** Most operations one PATCH may carry (ServiceProviderConfig says nothing of it; it bounds work). */
export const MAX_PATCH_OPERATIONS = 1000;

/** Reads a PatchOp message (RFC 7644 §3.5.2); op names in any case, as Entra capitalises them. */
export function readPatchRequest(body: unknown): PatchOperation[] {
  if (!isObject(body)) throw ScimError.badRequest('invalidSyntax', 'The request body must be a JSON object');
  const schemas = body.schemas;
  if (
    !Array.isArray(schemas) ||
    !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === PATCH_OP.toLowerCase())
  ) {
    throw ScimError.badRequest('invalidSyntax', `schemas must include "${PATCH_OP}"`);
  }
  const operations = body.Operations ?? body.operations;
  if (!Array.isArray(operations) || operations.length === 0) {
    throw ScimError.badRequest('invalidSyntax', 'Operations must be a non-empty list');
  }
  if (operations.length > MAX_PATCH_OPERATIONS) {
    throw ScimError.badRequest('tooMany', `A PATCH may carry at most ${MAX_PATCH_OPERATIONS} operations`);
  }
  return operations.map((raw: unknown, i) => {
    if (!isObject(raw)) throw ScimError.badRequest('invalidSyntax', `Operations[${i}] must be an object`);
    const op = typeof raw.op === 'string' ? raw.op.toLowerCase() : '';
    if (op !== 'add' && op !== 'remove' && op !== 'replace') {
      throw ScimError.badRequest('invalidSyntax', `Operations[${i}].op must be add, remove or replace`);
    }
    if (raw.path !== undefined && raw.path !== null && typeof raw.path !== 'string') {
      throw ScimError.badRequest('invalidPath', `Operations[${i}].path must be a string`);
    }
    const path = typeof raw.path === 'string' && raw.path.trim() !== '' ? raw.path.trim() : null;
    if (op !== 'remove' && !('value' in raw)) {
      throw ScimError.badRequest('invalidSyntax', `Operations[${i}] (${op}) needs a value`);
    }
    return { op, path, value: raw.value };
  });
}
