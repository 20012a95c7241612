import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { BodyReaderInterceptor } from './body-reader.interceptor';
import { ShutdownState } from './shutdown-state';

/**
 * The request pipeline's Nest parts. In order, per request: request id and security headers
 * (app.setup.ts), the request log, routing (404/405 before the body), the AuthGuard (401, 429), the
 * BodyReaderInterceptor (the body, 400/413/415; then the read retry), validation pipes, the handler.
 */
@Global()
@Module({
  providers: [ShutdownState, { provide: APP_INTERCEPTOR, useClass: BodyReaderInterceptor }],
  exports: [ShutdownState],
})
export class PipelineModule {}
