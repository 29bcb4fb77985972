import { routeDeclarations, routesWithoutProcessingDeclaration } from '@app/audit';
import { createTestApp, TestApp } from '../setup/test-app';

/**
 * Every route of the application must say why it processes personal data (@ProcessingActivity with an
 * id from the register) or that it processes none (@NoPersonalData).
 */
describe('audit: every route declares its processing of personal data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('has no route that declares neither @ProcessingActivity nor @NoPersonalData', () => {
    const missing = routesWithoutProcessingDeclaration(t.app).map(
      (r) => `${r.method} ${r.path} (${r.handler})`,
    );
    expect(missing).toEqual([]);
  });

  it('declares only activities that exist in the register', async () => {
    const { rows } = await t.db.query<{ id: string }>(`SELECT id FROM processing_activity`);
    const registered = new Set(rows.map((r) => r.id));
    const unknown = routeDeclarations(t.app)
      .filter((r) => r.activityId && !registered.has(r.activityId))
      .map((r) => `${r.method} ${r.path} (${r.handler}): ${r.activityId}`);
    expect(unknown).toEqual([]);
  });
});
