import { Global, Module } from '@nestjs/common';
import { ConfigModule as NestConfigModule, ConfigService } from '@nestjs/config';
import { APP_CONFIG, AppConfig, loadAppConfig } from './app-config';

/** Validates the environment (and a `.env` file, if present) once, and provides the typed AppConfig. */
@Global()
@Module({
  imports: [NestConfigModule.forRoot({ validate: (env) => ({ app: loadAppConfig(env) }) })],
  providers: [
    {
      provide: APP_CONFIG,
      inject: [ConfigService],
      useFactory: (config: ConfigService): AppConfig => config.getOrThrow<AppConfig>('app'),
    },
  ],
  exports: [APP_CONFIG],
})
export class ConfigModule {}
