import { Global, Module } from '@nestjs/common';
import { BodyReaderGuard } from './body-reader.guard';
import { ShutdownState } from './shutdown-state';

/**
 * The request pipeline's Nest parts. In order, per request: request id and security headers
 * (app.setup.ts), the request log, routing (404/405 before the body), the AuthGuard (401, 429), the
 * BodyReaderGuard (the body, 400/413/415), a route's own guards and interceptors (@RetryReads(), the
 * portal's CSRF check), validation pipes, the handler. No interceptor is global.
 */
@Global()
@Module({
  providers: [ShutdownState, BodyReaderGuard],
  exports: [ShutdownState, BodyReaderGuard],
})
export class PipelineModule {}
