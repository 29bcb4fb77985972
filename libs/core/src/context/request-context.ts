import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';

/**
 * Who is asking and why, for the lifetime of one request (AsyncLocalStorage via nestjs-cls).
 * The user is set by the authentication guard, the processing activity by the route's metadata.
 */
export interface RequestPrincipal {
  id: string;
  roles: string[];
  organisationId: string;
}

@Injectable()
export class RequestContext {
  constructor(private readonly cls: ClsService) {}

  get requestId(): string {
    return this.cls.isActive() ? (this.cls.getId() ?? 'background') : 'background';
  }

  get principal(): RequestPrincipal | undefined {
    return this.cls.isActive() ? this.cls.get('principal') : undefined;
  }

  setPrincipal(principal: RequestPrincipal) {
    this.cls.set('principal', principal);
  }

  get processingActivity(): string | undefined {
    return this.cls.isActive() ? this.cls.get('processingActivity') : undefined;
  }

  setProcessingActivity(activityId: string) {
    this.cls.set('processingActivity', activityId);
  }

  /** Run background work (jobs, seeds) with a context of its own. */
  run<T>(work: () => Promise<T>): Promise<T> {
    return this.cls.run(work);
  }
}
