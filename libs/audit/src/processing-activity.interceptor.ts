import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RequestContext } from '@app/core';
import { ClsService } from 'nestjs-cls';
import { Observable } from 'rxjs';
import { declaredProcessingActivity } from './processing-activity.decorator';

/** Makes the route's declared processing activity the default for everything logged in this request. */
@Injectable()
export class ProcessingActivityInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly context: RequestContext,
    private readonly cls: ClsService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const activity = declaredProcessingActivity(this.reflector, context);
    if (activity && this.cls.isActive()) this.context.setProcessingActivity(activity);
    return next.handle();
  }
}
