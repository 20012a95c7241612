import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ActivityModule } from './activity/activity.module';
import { AuthModule } from './auth/auth.module';
import { BulkModule } from './bulk/bulk.module';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { loggingParams } from './config/logging';
import { DatabaseModule } from './database/database.module';
import { ScimDiscoveryModule } from './discovery/discovery.module';
import { EventsModule } from './events/events.module';
import { GroupsModule } from './groups/groups.module';
import { HealthModule } from './health/health.module';
import { MeModule } from './me/me.module';
import { LandingModule } from './landing/landing.module';
import { PipelineModule } from './pipeline/pipeline.module';
import { PortalModule } from './portal/portal.module';
import { ScimResourcesModule } from './resources/scim-resources.module';
import { ScimCoreModule } from './scim/scim-core.module';
import { SearchModule } from './search/search.module';
import { SeatsModule } from './seats/seats.module';
import { TenantsModule } from './tenants/tenants.module';
import { UsersModule } from './users/users.module';

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => loggingParams(config),
    }),
    PipelineModule,
    DatabaseModule,
    ScimCoreModule,
    ScimResourcesModule,
    AuthModule,
    TenantsModule,
    ScimDiscoveryModule,
    UsersModule,
    GroupsModule,
    BulkModule,
    SeatsModule,
    EventsModule,
    SearchModule,
    MeModule,
    ActivityModule,
    HealthModule,
    LandingModule,
    PortalModule,
  ],
})
export class AppModule {}
