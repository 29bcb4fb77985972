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

/** CLS key of the RequestPrincipal. */
export const PRINCIPAL = 'principal';
/** CLS key: households the user reaches in this request only through break the glass. */
export const EMERGENCY_HOUSEHOLDS = 'emergencyHouseholds';

@Injectable()
export class RequestContext {
  constructor(private readonly cls: ClsService) {}

  get requestId(): string {
    return this.cls.isActive() ? (this.cls.getId() ?? 'background') : 'background';
  }

  get principal(): RequestPrincipal | undefined {
    return this.cls.isActive() ? this.cls.get(PRINCIPAL) : undefined;
  }

  setPrincipal(principal: RequestPrincipal) {
    this.cls.set(PRINCIPAL, principal);
  }

  get processingActivity(): string | undefined {
    return this.cls.isActive() ? this.cls.get('processingActivity') : undefined;
  }

  setProcessingActivity(activityId: string) {
    this.cls.set('processingActivity', activityId);
  }

  /**
   * Households the user may reach in this request only through break the glass (set by the access layer
   * when it reads the user's relations), so that every processing of them is flagged in the log.
   */
  get emergencyHouseholds(): readonly string[] {
    return (this.cls.isActive() ? this.cls.get<string[] | undefined>(EMERGENCY_HOUSEHOLDS) : undefined) ?? [];
  }

  /** Run background work (jobs, seeds) with a context of its own. */
  run<T>(work: () => Promise<T>): Promise<T> {
    return this.cls.run(work);
  }
}
