import { INestApplication } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { routeDeclarations } from '@app/audit';

/**
 * Libraries whose endpoints are finished: every one of their routes must have matrix rows (strict).
 * Routes of any other module (the libs being built now, new apps) are reported until they get rows.
 * A module is attributed by its class name: HouseholdsModule -> households, HealthModule -> core.
 */
export const FINISHED_LIBS = [
  'core',
  'access',
  'audit',
  'identity',
  'reference',
  'households',
  'indications',
  'plans',
  'budgets',
  'outreach',
  'privacy',
  'reporting',
  'reviews',
];
const LIB_OF_MODULE: Record<string, string> = { HealthModule: 'core', CoreModule: 'core' };

export interface AppRoute {
  /** `GET /households/:id`: method and path as declared (without the api/v1 prefix). */
  endpoint: string;
  method: string;
  path: string;
  handler: string;
  lib: string;
  finished: boolean;
  /** The URL as served (api/v1 prefix, except the health checks). */
  servedPath: string;
}

export function appRoutes(app: INestApplication): AppRoute[] {
  const discovery = app.get(DiscoveryService);
  const libByController = new Map<string, string>();
  for (const wrapper of discovery.getControllers()) {
    const moduleName = (wrapper.host?.metatype as { name?: string } | undefined)?.name ?? 'UnknownModule';
    const lib =
      LIB_OF_MODULE[moduleName] ??
      moduleName
        .replace(/Module$/, '')
        .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
        .toLowerCase();
    if (wrapper.metatype) libByController.set((wrapper.metatype as { name: string }).name, lib);
  }
  return routeDeclarations(app).map((r) => {
    const lib = libByController.get(r.handler.split('.')[0]) ?? 'unknown';
    return {
      endpoint: `${r.method} ${r.path}`,
      method: r.method,
      path: r.path,
      handler: r.handler,
      lib,
      finished: FINISHED_LIBS.includes(lib),
      servedPath: r.path.startsWith('/health') ? r.path : `/api/v1${r.path}`,
    };
  });
}

/** `/households/:householdId/members` with parameters filled in. */
export function fillPath(path: string, params: Record<string, string>, fallback?: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => {
    const value = params[name] ?? fallback;
    if (value === undefined) throw new Error(`no value for :${name} in ${path}`);
    return encodeURIComponent(value);
  });
}
