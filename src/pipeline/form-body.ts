import { SetMetadata } from '@nestjs/common';
import bodyParser from 'body-parser';
import type { Request, Response } from 'express';
import { ScimError } from '../scim/errors/scim-error';
import { checkJsonBody } from '../scim/http/json-body-checks';

export const FORM_BODY = 'rollcall:form-body';

/** The route reads an HTML form (application/x-www-form-urlencoded) instead of JSON: the portal's pages. */
export const FormBody = () => SetMetadata(FORM_BODY, true);

/** A form of the portal is a few short fields. */
const MAX_FORM_BYTES = 16 * 1024;
const parse = bodyParser.urlencoded({
  extended: false,
  limit: MAX_FORM_BYTES,
  parameterLimit: 50,
  type: () => true,
});

/**
 * Reads a form body into `request.body` (an empty object without one), once the route is known and
 * the caller authenticated, as readJsonBody does for JSON, with the same checks of its text.
 */
export async function readFormBody(request: Request, response: Response): Promise<void> {
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== '' && mediaType !== 'application/x-www-form-urlencoded') {
    throw new ScimError(415, `Content-Type ${mediaType} is not supported: send a form`);
  }
  await new Promise<void>((resolve, reject) => {
    parse(request, response, (error?: { type?: string }) => {
      if (!error) return resolve();
      reject(
        error.type === 'entity.too.large'
          ? new ScimError(413, `The form exceeds the limit of ${MAX_FORM_BYTES} bytes`)
          : ScimError.badRequest('invalidSyntax', 'The form could not be read'),
      );
    });
  });
  if (typeof request.body !== 'object' || request.body === null) request.body = {};
  checkJsonBody(request.body);
}
