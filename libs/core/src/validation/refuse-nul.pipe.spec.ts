import { DomainError } from '../errors';
import { RefuseNulCharactersPipe } from './refuse-nul.pipe';

describe('RefuseNulCharactersPipe', () => {
  const pipe = new RefuseNulCharactersPipe();
  const refusal = (value: unknown, type: 'body' | 'query' | 'param', data?: string) => {
    try {
      pipe.transform(value, { type, data });
    } catch (error) {
      return (error as DomainError).extensions.errors?.map((e) => e.field);
    }
    return 'passed';
  };

  it('passes text without NUL unchanged, including other control characters and emoji', () => {
    const body = { note: 'regel 1\nregel 2\t😀', tags: ['a', 'b'], nested: { n: 1, ok: true, none: null } };
    expect(pipe.transform(body, { type: 'body' })).toBe(body);
  });

  it('names every field with a NUL: nested, in arrays, in a query and in a path parameter', () => {
    expect(refusal({ note: 'a\u0000b', goals: [{ text: 'ok' }, { text: '\u0000' }] }, 'body')).toEqual([
      'note',
      'goals[1].text',
    ]);
    expect(refusal({ q: 'Her\u0000' }, 'query')).toEqual(['q']);
    expect(refusal('x\u0000', 'param', 'id')).toEqual(['id']);
    expect(refusal('kolom;\u0000', 'body')).toEqual(['body']);
    expect(refusal({ 'a\u0000': 1 }, 'body')).toEqual(['body']);
  });
});
