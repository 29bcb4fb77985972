/**
 * fast-check samplers derived from an OpenAPI 3 document: for an operation, bodies and parameters
 * that are invalid or on the edge (wrong types, missing required, extra properties, huge strings,
 * unicode, negative and overflowing numbers, impossible dates, malformed uuids, empty arrays, nested
 * garbage) plus, now and then, a valid one so the deeper layers are reached too.
 */
import fc from 'fast-check';

export interface OpenApiSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  items?: OpenApiSchema;
  $ref?: string;
  allOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  anyOf?: OpenApiSchema[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
}

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: OpenApiSchema;
}

export interface OpenApiOperation {
  tags?: string[];
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
}

/** One generated request: what to put in the path, the query and the body. */
export interface FuzzCase {
  kind: string;
  pathParams: Record<string, string>;
  query: Record<string, unknown>;
  /** A JSON value to send, or a raw string to send as is (malformed JSON). */
  body?: { json: unknown } | { raw: string; contentType: string };
}

export class SchemaResolver {
  constructor(private readonly doc: OpenApiDocument) {}

  resolve(schema: OpenApiSchema | undefined, depth = 0): OpenApiSchema {
    if (!schema || depth > 20) return {};
    if (schema.$ref) {
      const name = schema.$ref.split('/').pop()!;
      return this.resolve(this.doc.components?.schemas?.[name], depth + 1);
    }
    if (schema.allOf?.length) {
      const parts = schema.allOf.map((s) => this.resolve(s, depth + 1));
      return {
        type: 'object',
        properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
        required: parts.flatMap((p) => p.required ?? []),
      };
    }
    if (schema.oneOf?.length || schema.anyOf?.length)
      return this.resolve((schema.oneOf ?? schema.anyOf)![0], depth + 1);
    return schema;
  }

  /** A plausible valid value (example, default, enum, format), for the baseline and for mutation. */
  valid(
    schema: OpenApiSchema | undefined,
    fill: (name: string) => string | undefined,
    name = '',
    depth = 0,
  ): unknown {
    const s = this.resolve(schema);
    if (depth > 6) return null;
    if (s.example !== undefined) return s.example;
    if (s.default !== undefined) return s.default;
    if (s.enum?.length) return s.enum[0];
    const type = s.type ?? (s.properties ? 'object' : undefined);
    switch (type) {
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const key of s.required ?? []) out[key] = this.valid(s.properties?.[key], fill, key, depth + 1);
        return out;
      }
      case 'array':
        return [this.valid(s.items, fill, name, depth + 1)];
      case 'integer':
      case 'number':
        return s.minimum ?? 1;
      case 'boolean':
        return true;
      case 'string':
        if (s.format === 'uuid' || /Id$/.test(name))
          return fill(name) ?? '11111111-1111-4111-8111-111111111111';
        if (s.format === 'date-time') return '2026-01-01T00:00:00Z';
        if (s.format === 'date' || /(On|Date)$/.test(name)) return '2026-01-01';
        if (s.format === 'email' || /email/i.test(name)) return 'fuzz@example.org';
        return 'x'.repeat(Math.max(1, s.minLength ?? 1));
      default:
        return 'x';
    }
  }
}

// ------------------------------------------------------------------ edge values

const INVALID_DATES = [
  '2025-02-30',
  '2025-02-29',
  '2024-13-01',
  '2024-00-10',
  '0000-00-00',
  '2025-2-3',
  '31-12-2025',
  '2025-12-31T25:61:00Z',
  '9999-99-99',
  '',
  '2025-02-28 ',
  '١٢٣٤-٠١-٠١',
];
const INVALID_UUIDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '123e4567e89b12d3a456426614174000',
  '123E4567-E89B-12D3-A456-4266141740000',
  '{123e4567-e89b-12d3-a456-426614174000}',
  'zzzzzzzz-zzzz-4zzz-8zzz-zzzzzzzzzzzz',
  ' 11111111-1111-4111-8111-111111111111',
  '11111111-1111-4111-8111-111111111111\u0000',
];
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u202e\u0644\u0627 RTL',
  '👨‍👩‍👧‍👦',
  '\ud800',
  "' OR 1=1 --",
  '"; DROP TABLE household; --',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '../../etc/passwd',
  '%00%2e%2e',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'NaN',
  '1e309',
  'a'.repeat(5_000),
];
const NUMBERS = [-1, 0, -0, 0.5, -2147483649, 2147483648, 2 ** 53 + 1, -(2 ** 53) - 1, 1e308, -1e308, 1e-320];

export const edgeString = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.constantFrom(...INVALID_DATES),
  fc.constantFrom(...INVALID_UUIDS),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 10_000, max: 200_000 }).map((n) => 'Ω'.repeat(n)),
);
const edgeNumber = fc.oneof(
  fc.constantFrom(...NUMBERS),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const garbage: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    edgeString,
    edgeNumber,
    fc.boolean(),
    fc.constant(null),
    fc.constant([]),
    fc.constant({}),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', '__proto__', 'constructor', 'id', '$where', 'x.y'), tie('value'), {
      maxKeys: 3,
    }),
  ),
})).value;

/** A value of the wrong type for this schema (or an edge value of the right one). */
function wrongFor(schema: OpenApiSchema): fc.Arbitrary<unknown> {
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  const options: fc.Arbitrary<unknown>[] = [garbage];
  if (type === 'string') {
    options.push(
      edgeNumber,
      fc.boolean(),
      fc.constant(null),
      fc.constant([]),
      fc.constant({ $ne: null }),
      edgeString,
    );
    if (schema.format === 'uuid') options.push(fc.constantFrom(...INVALID_UUIDS));
    if (schema.maxLength) options.push(fc.constant('y'.repeat(schema.maxLength + 1)));
  } else if (type === 'integer' || type === 'number') {
    options.push(edgeNumber, fc.constantFrom('1', '1e3', '', ' 1', '0x10'), fc.constant(null), fc.boolean());
    if (schema.maximum !== undefined) options.push(fc.constant(schema.maximum + 1));
    if (schema.minimum !== undefined) options.push(fc.constant(schema.minimum - 1));
  } else if (type === 'boolean') {
    options.push(fc.constantFrom('true', 'false', 0, 1, 'yes', null, [], {}));
  } else if (type === 'array') {
    options.push(
      fc.constant([]),
      fc.constant('[]'),
      fc.array(garbage, { maxLength: 5 }),
      fc.constant({ 0: 'x' }),
    );
    options.push(fc.constant(Array.from({ length: 1000 }, () => ({}))));
  } else if (type === 'object') {
    options.push(fc.constant([]), fc.constant('{}'), fc.constant(null), edgeString);
  }
  if (schema.enum)
    options.push(fc.constantFrom('', 'UNKNOWN', String(schema.enum[0]).toLowerCase() + ' ', 0));
  return fc.oneof(...options);
}

// ------------------------------------------------------------------ per operation

const malformedJson = fc.constantFrom(
  '{',
  '[1,',
  '{"a":}',
  "{'a':1}",
  '{"a":1}{"b":2}',
  '\u0000',
  'nul',
  '['.repeat(5000) + ']'.repeat(5000),
  '{"a":'.repeat(2000) + '1' + '}'.repeat(2000),
  '"\\ud800"',
);

/** Generated cases for one operation; `fill` gives real ids for path parameters (or undefined). */
export function operationCases(
  resolver: SchemaResolver,
  op: OpenApiOperation,
  fill: (name: string) => string | undefined,
): fc.Arbitrary<FuzzCase> {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const bodySchema = resolver.resolve(
    op.requestBody?.content?.['application/json']?.schema ??
      op.requestBody?.content?.['application/merge-patch+json']?.schema,
  );
  const validBody = op.requestBody ? resolver.valid(bodySchema, fill) : undefined;
  const validPath = Object.fromEntries(
    pathParams.map((p) => [p.name, fill(p.name) ?? '11111111-1111-4111-8111-111111111111']),
  );
  const base = (kind: string, over: Partial<FuzzCase> = {}): FuzzCase => ({
    kind,
    pathParams: validPath,
    query: {},
    body: validBody === undefined ? undefined : { json: structuredClone(validBody) },
    ...over,
  });

  const cases: fc.Arbitrary<FuzzCase>[] = [];
  // Path parameters: malformed ids, unknown ids, traversal and injection.
  for (const p of pathParams) {
    cases.push(
      fc
        .oneof(
          fc.constantFrom(...INVALID_UUIDS),
          fc.constantFrom('0', '-1', '..', '%2e%2e', "1' OR '1'='1", 'null', 'x'.repeat(2000)),
          fc.uuid(),
          fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
        )
        .map((value) => base(`path ${p.name}`, { pathParams: { ...validPath, [p.name]: value } })),
    );
  }
  // Query parameters: wrong types, out-of-range, repeated, unknown, huge.
  const queryValue = (schema: OpenApiSchema) =>
    fc.oneof(
      // Under Node's 16 KB header limit: a longer URL is refused by the HTTP server before the app.
      wrongFor(resolver.resolve(schema))
        .map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? 'null')))
        .filter((v) => v.length < 8_000),
      fc.array(fc.constantFrom('a', '1', ''), { minLength: 2, maxLength: 3 }),
      fc.constantFrom('', ' ', '-1', '1e400', '2025-02-30', 'true', 'x'.repeat(10_000)),
    );
  for (const q of queryParams) {
    cases.push(
      queryValue(q.schema ?? {}).map((value) => base(`query ${q.name}`, { query: { [q.name]: value } })),
    );
  }
  cases.push(
    fc
      .dictionary(
        fc.constantFrom('unknown', 'sort', '__proto__', 'page', 'where', 'bsn'),
        edgeString.filter((v) => v.length < 4_000),
        {
          minKeys: 1,
          maxKeys: 3,
        },
      )
      .map((query) => base('query unknown', { query })),
  );

  // Bodies.
  const anyJson = fc.oneof(garbage, edgeString, edgeNumber, fc.constant(null), fc.boolean());
  cases.push(anyJson.map((json) => base('body of a wrong type', { body: { json } })));
  cases.push(
    malformedJson.map((raw) => base('malformed json', { body: { raw, contentType: 'application/json' } })),
  );
  cases.push(
    fc
      .constantFrom(
        'text/plain',
        'application/xml',
        'application/x-www-form-urlencoded',
        'application/json; charset=utf-16',
      )
      .map((contentType) => base('content type', { body: { raw: '{"a":1}', contentType } })),
  );
  if (validBody !== undefined && typeof validBody === 'object' && validBody !== null) {
    cases.push(
      fc
        .tuple(fc.string({ minLength: 1, maxLength: 20 }), garbage)
        .map(([key, value]) =>
          base('extra property', { body: { json: { ...(validBody as object), [key]: value } } }),
        ),
    );
    cases.push(
      fc.constant(0).map(() =>
        base('prototype pollution', {
          body: {
            raw: JSON.stringify(validBody).replace(/^\{/, '{"__proto__":{"admin":true},'),
            contentType: 'application/json',
          },
        }),
      ),
    );
    const mutations = propertyMutations(resolver, bodySchema, validBody, fill);
    if (mutations) cases.push(mutations.map(({ kind, json }) => base(kind, { body: { json } })));
    cases.push(fc.constant(base('valid')));
  }
  if (validBody === undefined) cases.push(anyJson.map((json) => base('unexpected body', { body: { json } })));
  return fc.oneof(...cases);
}

/** Missing required, wrong type, edge value or nested garbage in one (possibly nested) property. */
function propertyMutations(
  resolver: SchemaResolver,
  schema: OpenApiSchema,
  valid: unknown,
  fill: (name: string) => string | undefined,
): fc.Arbitrary<{ kind: string; json: unknown }> | undefined {
  const paths = propertyPaths(resolver, schema, []);
  if (paths.length === 0) return undefined;
  return fc.constantFrom(...paths).chain(({ path, schema: prop, required }) =>
    fc
      .oneof(
        ...(required ? [fc.constant<'missing'>('missing')] : []),
        wrongFor(prop).map((value) => ({ value })),
      )
      .map((mutation) => {
        const json = structuredClone(valid) as Record<string, unknown>;
        const parent = ensurePath(json, path.slice(0, -1), resolver, schema, fill);
        const key = path[path.length - 1];
        if (mutation === 'missing') delete parent[key];
        else parent[key] = mutation.value;
        return { kind: `${mutation === 'missing' ? 'missing' : 'bad'} ${path.join('.')}`, json };
      }),
  );
}

interface PropertyPath {
  path: string[];
  schema: OpenApiSchema;
  required: boolean;
}

function propertyPaths(
  resolver: SchemaResolver,
  schema: OpenApiSchema,
  prefix: string[],
  depth = 0,
): PropertyPath[] {
  const s = resolver.resolve(schema);
  if (depth > 3 || !s.properties) return [];
  return Object.entries(s.properties).flatMap(([key, raw]) => {
    const prop = resolver.resolve(raw);
    const here: PropertyPath = {
      path: [...prefix, key],
      schema: prop,
      required: (s.required ?? []).includes(key),
    };
    const deeper =
      prop.type === 'array' && prop.items
        ? propertyPaths(resolver, prop.items, [...prefix, key, '0'], depth + 1)
        : propertyPaths(resolver, prop, [...prefix, key], depth + 1);
    return [here, ...deeper];
  });
}

/** Makes sure the parents of a nested path exist in a valid body (optional objects are absent). */
function ensurePath(
  json: Record<string, unknown>,
  path: string[],
  resolver: SchemaResolver,
  root: OpenApiSchema,
  fill: (name: string) => string | undefined,
): Record<string, unknown> {
  let node: Record<string, unknown> = json;
  let schema = resolver.resolve(root);
  for (const key of path) {
    const next = /^\d+$/.test(key)
      ? resolver.resolve(schema.items)
      : resolver.resolve(schema.properties?.[key]);
    if (node[key] === undefined || node[key] === null || typeof node[key] !== 'object') {
      node[key] =
        next.type === 'array'
          ? []
          : /^\d+$/.test(key)
            ? resolver.valid(next, fill)
            : resolver.valid(next, fill);
      if (node[key] === null || typeof node[key] !== 'object') node[key] = {};
    }
    node = node[key] as Record<string, unknown>;
    schema = next;
  }
  return node;
}

/** One case per required body property: the plausible valid body without it (checks the document). */
export function missingRequiredCases(
  resolver: SchemaResolver,
  op: OpenApiOperation,
  fill: (name: string) => string | undefined,
): FuzzCase[] {
  const schema = resolver.resolve(op.requestBody?.content?.['application/json']?.schema);
  const valid = op.requestBody ? resolver.valid(schema, fill) : undefined;
  if (!valid || typeof valid !== 'object' || Array.isArray(valid)) return [];
  const pathParams = Object.fromEntries(
    (op.parameters ?? [])
      .filter((p) => p.in === 'path')
      .map((p) => [p.name, fill(p.name) ?? '11111111-1111-4111-8111-111111111111']),
  );
  return (schema.required ?? []).map((key) => {
    const json = { ...(valid as Record<string, unknown>) };
    delete json[key];
    return { kind: `missing ${key}`, pathParams, query: {}, body: { json } };
  });
}
