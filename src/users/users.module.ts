import { Module } from '@nestjs/common';
import { ScimResourceModule } from '../resources/scim-resources.module';
import { SeatsModule } from '../seats/seats.module';
import { USER_RESOURCE } from './user.resource';
import { UserSeats } from './user-seats';

/** The User resource type: its definition, served by the generic module, with the seat hook. */
@Module({
  imports: [ScimResourceModule.forResource(USER_RESOURCE, { hooks: UserSeats, imports: [SeatsModule] })],
})
export class UsersModule {}
