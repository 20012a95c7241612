import { applyDecorators, Controller, Delete, Get, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ScimApi, ScimErrors } from '../openapi/api-responses';
import { TenantScoped } from '../auth/auth.decorators';
import { ScimError } from '../scim/errors/scim-error';

/** What each method of /Me documents: it is not implemented. */
function NotImplemented(method: string) {
  return applyDecorators(
    ApiOperation({
      summary: `${method} /Me: not implemented, a bearer token names no User (RFC 7644 §3.11)`,
    }),
    ScimErrors(501),
  );
}

function notImplemented(): never {
  throw new ScimError(
    501,
    "/Me is not implemented: a tenant's bearer token authenticates its identity provider, not a User",
  );
}

/**
 * RFC 7644 §3.11: `/Me` stands for the User the request authenticates as. A tenant's bearer token
 * belongs to its identity provider, not to a User, so there is no such subject: each method §3.11
 * names answers 501 as a SCIM error, which it allows a service provider without one to do. The methods
 * are routes of their own (not `@All`), so the route table knows exactly what /Me answers.
 */
@ApiTags('SCIM: Me')
@ApiBearerAuth('tenant')
@ScimApi()
@ApiParam({ name: 'tenantId', format: 'uuid' })
@TenantScoped()
@Controller('scim/v2/:tenantId/Me')
export class MeController {
  @Get()
  @NotImplemented('GET')
  get(): never {
    return notImplemented();
  }

  @Post()
  @NotImplemented('POST')
  create(): never {
    return notImplemented();
  }

  @Put()
  @NotImplemented('PUT')
  replace(): never {
    return notImplemented();
  }

  @Patch()
  @NotImplemented('PATCH')
  patch(): never {
    return notImplemented();
  }

  @Delete()
  @NotImplemented('DELETE')
  remove(): never {
    return notImplemented();
  }
}
