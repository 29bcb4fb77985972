import { RequestContext, RequestPrincipal } from '@app/core';
import { AuditService, ProcessingEntry } from '@app/audit';
import { CLS_ID, ClsService } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import { TestApp } from '../setup/test-app';

export const CONSULENT: RequestPrincipal = {
  id: '7d9f3c1e-5b8a-4c2d-9e6f-1a2b3c4d5e6f',
  roles: ['consulent', 'teamleider'],
  organisationId: 'szmh',
};

export const DOSSIER_READ: ProcessingEntry = {
  activityId: 'households.dossier.read',
  action: 'read',
  resourceType: 'household',
  resourceId: 'hh-1',
  householdId: 'hh-1',
  dataSubjects: [
    { type: 'household', id: 'hh-1' },
    { type: 'person', id: 'person-1' },
    { type: 'person', id: 'person-2' },
  ],
};

/** The audit service plus a way to run work as if inside a request of a given user. */
export function auditHarness(t: TestApp) {
  const cls = t.app.get(ClsService);
  const context = t.app.get(RequestContext);
  return {
    audit: t.app.get(AuditService),
    dataSource: t.app.get(DataSource),
    asUser<T>(
      work: () => Promise<T>,
      options: { principal?: RequestPrincipal | null; requestId?: string } = {},
    ) {
      return cls.run(async () => {
        if (options.requestId) cls.set(CLS_ID, options.requestId);
        const principal = options.principal === undefined ? CONSULENT : options.principal;
        if (principal) context.setPrincipal(principal);
        return work();
      });
    },
    setActivity: (id: string) => context.setProcessingActivity(id),
  };
}
