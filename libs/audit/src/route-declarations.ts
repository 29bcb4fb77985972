import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { NO_PERSONAL_DATA, PROCESSING_ACTIVITY } from './processing-activity.decorator';

/**
 * Health checks (in libs/core, which cannot depend on this lib without a cycle) and the OpenAPI
 * document (served by Swagger, not a controller) process no personal data and cannot carry
 * @NoPersonalData, so they are exempt by path prefix.
 */
export const EXEMPT_PATH_PREFIXES = ['/health', '/api/docs'];

export interface RouteDeclaration {
  /** `Controller.method` */
  handler: string;
  method: string;
  /** As declared on the controller, without the global prefix (api/v1). */
  path: string;
  activityId?: string;
  noPersonalData: boolean;
}

/** Every controller route of the application with what it declares about personal data. */
export function routeDeclarations(app: INestApplication): RouteDeclaration[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const routes: RouteDeclaration[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
    if (!controller) continue;
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as (...args: unknown[]) => unknown;
      const methodPaths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (methodPaths === undefined || requestMethod === undefined) continue;
      const targets = [handler, controller];
      const activityId = reflector.getAllAndOverride<string | undefined>(PROCESSING_ACTIVITY, targets);
      const noPersonalData = reflector.getAllAndOverride<boolean | undefined>(NO_PERSONAL_DATA, targets);
      for (const path of joinPaths(Reflect.getMetadata(PATH_METADATA, controller), methodPaths)) {
        routes.push({
          handler: `${controller.name}.${name}`,
          method: RequestMethod[requestMethod],
          path,
          activityId,
          noPersonalData: noPersonalData === true,
        });
      }
    }
  }
  return routes;
}

/** Routes that declare neither @ProcessingActivity nor @NoPersonalData (exempt paths left out). */
export function routesWithoutProcessingDeclaration(app: INestApplication): RouteDeclaration[] {
  return routeDeclarations(app).filter(
    (route) => !route.activityId && !route.noPersonalData && !isExempt(route.path),
  );
}

function isExempt(path: string): boolean {
  return EXEMPT_PATH_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

function joinPaths(controllerPaths: string | string[] | undefined, methodPaths: string | string[]): string[] {
  const list = (value: string | string[] | undefined) => (Array.isArray(value) ? value : [value ?? '']);
  return list(controllerPaths).flatMap((base) =>
    list(methodPaths).map(
      (path) =>
        '/' +
        [base, path]
          .flatMap((part) => part.split('/'))
          .filter(Boolean)
          .join('/'),
    ),
  );
}
