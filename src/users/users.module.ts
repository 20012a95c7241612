import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { scimResource } from '../resources/scim-resources.module';
import { SeatsModule } from '../seats/seats.module';
import { USER_RESOURCE } from './user.resource';
import { UserRenderer } from './user-renderer';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

const routes = scimResource(USER_RESOURCE, UsersService);

@Module({
  imports: [SeatsModule, EventsModule],
  controllers: routes.controllers,
  providers: [UsersRepository, UserRenderer, UsersService, ...routes.providers],
  exports: [UsersService],
})
export class UsersModule {}
