import { Module } from '@nestjs/common';
import { ScimThrottle } from './scim-throttle';

/** The per-process request limits; import it to count work against a tenant (e.g. Bulk operations). */
@Module({ providers: [ScimThrottle], exports: [ScimThrottle] })
export class ThrottlingModule {}
