import { newSpanId, newTraceId, traceIdFor } from './trace-ids';

describe('trace ids', () => {
  it('keeps the digits of a UUID request id', () => {
    expect(traceIdFor('3F2504E0-4F89-11D3-9A0C-0305E82C3301')).toBe('3f2504e04f8911d39a0c0305e82c3301');
  });

  it('hashes any other request id to 32 hex, the same every time', () => {
    const id = traceIdFor('trace-abc-12345');
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(traceIdFor('trace-abc-12345')).toBe(id);
    expect(traceIdFor('trace-abc-12346')).not.toBe(id);
  });

  it('makes fresh trace and span ids', () => {
    expect(newTraceId()).toMatch(/^[0-9a-f]{32}$/);
    expect(newSpanId()).toMatch(/^[0-9a-f]{16}$/);
    expect(newSpanId()).not.toBe(newSpanId());
  });
});
