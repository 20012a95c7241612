import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { portalHeaders } from './portal-headers';

/** Applies the portal's headers (CSP, framing, no-store) to every portal route. */
@Injectable()
export class PortalHeadersMiddleware implements NestMiddleware {
  private readonly apply: (req: Request, res: Response, next: NextFunction) => void;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.apply = portalHeaders(config);
  }

  use(req: Request, res: Response, next: NextFunction): void {
    this.apply(req, res, next);
  }
}
