import { All, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { TenantScoped } from '../auth/auth.decorators';
import { ScimError } from '../scim/errors/scim-error';

/**
 * RFC 7644 §3.11: `/Me` stands for the User the request authenticates as. A tenant's bearer token
 * belongs to its identity provider, not to a User, so there is no such subject: every method answers
 * 501 as a SCIM error, which §3.11 allows a service provider without one to do.
 */
@ApiTags('SCIM: Me')
@ApiBearerAuth('tenant')
@ApiParam({ name: 'tenantId', format: 'uuid' })
@TenantScoped()
@Controller('scim/v2/:tenantId/Me')
export class MeController {
  @All()
  @ApiOperation({
    summary: 'Not implemented: a bearer token names no User (RFC 7644 §3.11)',
    description: 'Every method answers 501 with a SCIM error.',
  })
  @ApiResponse({ status: 501, description: 'A SCIM error: /Me is not implemented' })
  me(): never {
    throw new ScimError(
      501,
      "/Me is not implemented: a tenant's bearer token authenticates its identity provider, not a User",
    );
  }
}
