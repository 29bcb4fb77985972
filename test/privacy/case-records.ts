import { DemoUserKey } from '@app/identity';
import { IdentityKit } from '../identity/identity-kit';
import { TestApp } from '../setup/test-app';

/** Free text written into the plan and the maatwerkbudget, to find back (or miss) afterwards. */
export interface CaseText {
  ownWords: string;
  goal: string;
  note: string;
  action: string;
  outcome: string;
  justification: string;
  payee: string;
  motivation: string;
  reference: string;
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Plan and maatwerkbudget records that name one person, over the public API as the Wmo consulent
 * (regisseur) and the teamleider: a goal they own with an action for them, a version they agreed to and
 * its evaluation; a budget request for them, granted and paid. Needs the 2026 budgets (demo seed).
 */
export async function writePlanAndBudget(
  t: TestApp,
  kit: IdentityKit,
  householdId: string,
  personId: string,
  today: string,
  text: CaseText,
) {
  const call = async (as: DemoUserKey, method: 'get' | 'post' | 'patch', path: string, body?: object) => {
    const http = t.http();
    let req = http[method](`/api/v1${path}`).set(kit.bearer(await kit.as(as)));
    if (path.includes('/plan') && method !== 'get') {
      const plan = await t
        .http()
        .get(`/api/v1/households/${householdId}/plan`)
        .set(kit.bearer(await kit.as(as)));
      req = req.set('If-Match', plan.headers.etag as string);
    }
    const res = kit.seen(await (body ? req.send(body) : req));
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return res.body;
  };
  const plan = `/households/${householdId}/plan`;
  await call('consulentWmo', 'patch', plan, { ownWords: text.ownWords });
  const withGoal = await call('consulentWmo', 'post', `${plan}/goals`, {
    lifeDomain: 'financien',
    description: text.goal,
    owner: { type: 'member', id: personId },
    targetDate: addDays(today, 120),
    internalNote: text.note,
  });
  const goal = (withGoal.version.goals as { id: string; description: string }[]).find(
    (g) => g.description === text.goal,
  )!;
  await call('consulentWmo', 'post', `${plan}/goals/${goal.id}/actions`, {
    description: text.action,
    actor: { type: 'member', id: personId },
    dueOn: addDays(today, 30),
  });
  await call('consulentWmo', 'post', `${plan}/vaststellen`, {
    agreedOn: today,
    agreedByPersonIds: [personId],
  });
  await call('consulentWmo', 'post', `${plan}/evaluations`, {
    evaluatedOn: today,
    nextEvaluationOn: addDays(today, 90),
    outcomes: [{ goalId: goal.id, status: 'bezig', outcome: text.outcome }],
  });

  const request = await call('consulentWmo', 'post', `/households/${householdId}/budget-requests`, {
    amount: '120.00',
    personId,
    goalIds: [goal.id],
    justification: text.justification,
    replacedSchemes: ['bijzondere-bijstand'],
    payee: { name: text.payee, iban: 'NL91 ABNA 0417 1643 00' },
    wantedOn: addDays(today, 10),
  });
  await call('teamleider', 'post', `/budget-requests/${request.id}/decision`, {
    outcome: 'toegekend',
    motivation: text.motivation,
  });
  await call('teamleider', 'post', `/budget-requests/${request.id}/payments`, {
    amount: '120.00',
    paidOn: today,
    reference: text.reference,
    final: true,
  });
  return { goalId: goal.id, requestId: request.id as string };
}
