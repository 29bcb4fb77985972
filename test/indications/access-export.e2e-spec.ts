import { PRODUCT_IDS } from '@app/indications';
import { IdentityKit } from '../identity/identity-kit';
import { createTestApp, TestApp } from '../setup/test-app';
import { IndicationsKit } from './indications-kit';

describe('indications in the AVG art. 15 export', () => {
  let t: TestApp;
  let kit: IdentityKit;
  let ik: IndicationsKit;

  beforeAll(async () => {
    t = await createTestApp();
    kit = new IdentityKit(t);
    ik = new IndicationsKit(t, kit);
    await ik.init();
  });
  afterAll(async () => {
    kit.expectNothingLeaked();
    await t.close();
  });

  it('lists every indication of the person, and none of their child', async () => {
    const h = await ik.household();
    const own = await ik.indication('consulentWmo', h.id, {
      pillar: 'WMO',
      productId: PRODUCT_IDS.wmoBegeleidingIndividueel,
      form: 'ZiN',
      personId: h.adultId,
      meldingDate: '2026-05-04',
      provider: 'Zorgaanbieder Mosae',
    });
    await ik.join(h.id, 'consulentJeugd', 'JEUGD');
    await ik.indication('consulentJeugd', h.id, {
      pillar: 'JEUGD',
      productId: PRODUCT_IDS.jeugdJeugdbescherming,
      form: 'ZiN',
      personId: h.childId,
      meldingDate: '2026-05-04',
    });
    const request = await ik.post('privacyOfficer', '/api/v1/privacy/access-requests', {
      bsn: h.bsns[0],
      receivedOn: '2026-11-02',
      channel: 'brief',
    });
    expect(request.status).toBe(201);
    const exported = await t
      .http()
      .post(`/api/v1/privacy/access-requests/${request.body.id}/export`)
      .set(kit.bearer(await kit.as('privacyOfficer')))
      .send({ format: 'json' })
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(exported.status).toBe(200);
    const body = JSON.parse((exported.body as Buffer).toString('utf8'));
    const part = body.parts.find((p: { name: string }) => p.name === 'indications');
    expect(part.records.map((r: { source: { id: string } }) => r.source.id)).toEqual([own.id]);
    const provider = part.records[0].fields.find((f: { key: string }) => f.key === 'provider');
    expect(provider.value).toBe('Zorgaanbieder Mosae');
  });
});
