import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RequestContext } from '@app/core';
import { ClsService } from 'nestjs-cls';
import { catchError, from, Observable, switchMap, throwError } from 'rxjs';
import { AuditService } from './audit.service';
import { declaredProcessingActivity } from './processing-activity.decorator';
import { isRefusal, refusalEntry } from './refusal-entry';

/**
 * Makes the route's declared processing activity the default for everything logged in this request,
 * and logs every refusal (403/404 from the access layer) as a denied attempt.
 */
@Injectable()
export class ProcessingActivityInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly context: RequestContext,
    private readonly cls: ClsService,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const activity = declaredProcessingActivity(this.reflector, context);
    if (activity && this.cls.isActive()) this.context.setProcessingActivity(activity);
    if (!activity) return next.handle();
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          isRefusal(error) && this.context.principal
            ? from(this.audit.recordDenied(refusalEntry(context, activity))).pipe(
                switchMap(() => throwError(() => error)),
              )
            : throwError(() => error),
        ),
      );
  }
}
