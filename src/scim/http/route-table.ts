import { Injectable, OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';

interface RouteEntry {
  pattern: RegExp;
  method: string;
}

function joinPath(...parts: string[]): string {
  return (
    '/' +
    parts
      .map((p) => p.replace(/^\/+|\/+$/g, ''))
      .filter(Boolean)
      .join('/')
  );
}

function toPattern(path: string): RegExp {
  const escaped = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}/?$`, 'i');
}

/**
 * The methods each route answers, read from the controllers' metadata, so that a request with the wrong
 * method gets 405 with `Allow` rather than the router's 404 (RFC 7644 §3.2 expects 405 on e.g. a POST to
 * /ServiceProviderConfig).
 */
@Injectable()
export class RouteTable implements OnApplicationBootstrap {
  private entries: RouteEntry[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onApplicationBootstrap(): void {
    this.entries = this.discovery.getControllers().flatMap((wrapper) => {
      const instance = wrapper.instance as object | undefined;
      if (!instance || !wrapper.metatype) return [];
      const base = (Reflect.getMetadata(PATH_METADATA, wrapper.metatype) as string | undefined) ?? '';
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      return this.scanner.getAllMethodNames(prototype).flatMap((name) => {
        const handler = prototype[name] as object;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) return [];
        const paths = Array.isArray(path) ? path : [path];
        return paths.map((p) => ({ pattern: toPattern(joinPath(base, p)), method: RequestMethod[method] }));
      });
    });
  }

  /** The methods some route at `path` answers (empty when no route matches the path at all). */
  methodsFor(path: string): string[] {
    const methods = this.entries.filter((e) => e.pattern.test(path)).map((e) => e.method);
    return [...new Set(methods)];
  }
}
