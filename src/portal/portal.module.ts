import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EventsModule } from '../events/events.module';
import { GroupsModule } from '../groups/groups.module';
import { SeatsModule } from '../seats/seats.module';
import { TenantsModule } from '../tenants/tenants.module';
import { ThrottlingModule } from '../throttling/throttling.module';
import { UsersModule } from '../users/users.module';
import { LinkThrottleGuard } from './link-throttle.guard';
import { PortalAccessController } from './portal-access.controller';
import { PortalActivityController } from './portal-activity.controller';
import { PortalAccessRepository } from './portal-access.repository';
import { PortalAccessService } from './portal-access.service';
import { PortalCookies } from './portal-cookies';
import { PortalCsrfInterceptor } from './portal-csrf.interceptor';
import { PortalDirectoryController } from './portal-directory.controller';
import { PortalDirectoryService } from './portal-directory.service';
import { PortalExceptionFilter } from './portal-exception.filter';
import { PortalHeadersMiddleware } from './portal-headers.middleware';
import { PortalLinksController } from './portal-links.controller';
import { PortalSessionGuard } from './portal-session.guard';
import { PortalSettingsController } from './portal-settings.controller';
import { PortalSettingsService } from './portal-settings.service';

const PAGES = [
  PortalAccessController,
  PortalSettingsController,
  PortalDirectoryController,
  PortalActivityController,
];

/**
 * The tenant admin portal: server-rendered pages (Preact to HTML strings) where a customer's IT admin
 * connects an IdP, manages tokens, sees seats, people, groups and activity. It reads and changes
 * everything through the owning modules' services.
 */
@Module({
  imports: [
    TenantsModule,
    EventsModule,
    SeatsModule,
    UsersModule,
    GroupsModule,
    ThrottlingModule,
    ActivityModule,
  ],
  controllers: [PortalLinksController, ...PAGES],
  providers: [
    PortalAccessRepository,
    PortalAccessService,
    {
      provide: PortalCookies,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new PortalCookies(config),
    },
    PortalSessionGuard,
    PortalCsrfInterceptor,
    PortalExceptionFilter,
    PortalSettingsService,
    LinkThrottleGuard,
    PortalDirectoryService,
  ],
})
export class PortalModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Two path patterns, not one middleware route per page: express tries each on every request.
    consumer
      .apply(PortalHeadersMiddleware)
      .forRoutes(
        { path: 'portal', method: RequestMethod.ALL },
        { path: 'portal/*path', method: RequestMethod.ALL },
      );
  }
}
