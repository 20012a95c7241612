import { GroupEntity } from '../groups/group.entity';
import { TenantTokenEntity } from '../tenants/tenant-token.entity';
import { TenantEntity } from '../tenants/tenant.entity';
import { UserEntity } from '../users/user.entity';

/** Every entity, listed so the app, the migration CLI and the tests load the same set. */
export const ENTITIES = [TenantEntity, TenantTokenEntity, UserEntity, GroupEntity];
