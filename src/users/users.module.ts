import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { SeatsModule } from '../seats/seats.module';
import { UserRenderer } from './user-renderer';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [SeatsModule, EventsModule],
  controllers: [UsersController],
  providers: [UsersRepository, UserRenderer, UsersService],
  exports: [UsersService],
})
export class UsersModule {}
