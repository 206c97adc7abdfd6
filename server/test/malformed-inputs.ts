import type { DeclaredRoute } from '../http/policy.ts';
import {
  bodySchemaOf,
  type JsonSchema,
  type OpenApiDocument,
  operationOf,
  primaryType,
  queryParameters,
  resolveSchema,
  sampleFromSchema,
} from './openapi-samples.ts';

// Generates malformed requests for one route from its OpenAPI operation. Every request that may
// change data (POST, PUT, PATCH, DELETE) carries at least one fault that validation must reject,
// so that a correct server changes nothing; the rest of the request is filled with odd but
// well-formed values. GET requests also go out without a fault, to reach the handlers.

export interface MalformedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** What is wrong with the request, for failure messages. */
  fault: string;
}

/** A small seeded generator (mulberry32), so that a failing case comes back on the next run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const INJECTION_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE people; --",
  '1; select pg_sleep(0)',
  '" OR ""="',
  '$(touch /tmp/hoso-injected)',
  '`id`',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{7*7}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection probe, sent as plain text.
  '${7*7}',
  '%s%s%s%n',
  '\\x00\\u0000',
  '{"$gt": ""}',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '0x7fffffff',
];

export const ODD_UNICODE = [
  'Nguyễn Văn Ánh', // precomposed
  'Nguye\u0302\u0303n', // combining marks
  '\u202eabc\u202c', // right-to-left override
  '\u200b\u200c\u200d\ufeff', // zero-width characters
  '𝐍𝐠𝐮𝐲𝐞̂̃𝐧', // mathematical bold
  '👨‍👩‍👧‍👦🇻🇳',
  '\ud800', // lone surrogate
  'a\u0000b', // NUL
  '\u0001\u0007\u001b[31m', // control characters
  'ｆｕｌｌｗｉｄｔｈ',
  'Ⅻ ½ ² ℃',
  '\r\n\r\nX-Injected: 1',
  ' ',
  '',
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function oddString(random: () => number): string {
  const roll = random();
  if (roll < 0.4) return pick(random, INJECTION_STRINGS);
  if (roll < 0.8) return pick(random, ODD_UNICODE);
  if (roll < 0.95) return 'Đ'.repeat(1 + Math.floor(random() * 5_000));
  return 'x'.repeat(100_000);
}

/** A value that the schema rejects, or undefined when no rejected value is known for it. */
function violatingValue(
  doc: OpenApiDocument,
  input: JsonSchema | undefined,
  random: () => number,
): { value: unknown; fault: string } | undefined {
  const schema = resolveSchema(doc, input);
  if (!schema) return undefined;
  if (schema.anyOf || schema.oneOf) {
    // A union rejects an object with an unexpected shape only if every option is an object type.
    return { value: [[[]]], fault: 'nested arrays for a union' };
  }
  const nullable = schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes('null'));
  const type = primaryType(schema);
  const candidates: Array<{ value: unknown; fault: string }> = [];

  if (schema.enum) {
    const text = pick(random, INJECTION_STRINGS);
    if (!schema.enum.includes(text)) candidates.push({ value: text, fault: 'value outside the enum' });
  }
  switch (type) {
    case 'string': {
      candidates.push(
        { value: 12_345, fault: 'number for a string' },
        { value: { nested: 'x' }, fault: 'object for a string' },
        { value: ['x'], fault: 'array for a string' },
      );
      if (schema.maxLength !== undefined)
        candidates.push({
          value: 'Ư'.repeat(schema.maxLength + 1 + Math.floor(random() * 1_000)),
          fault: 'string over maxLength',
        });
      if ((schema.minLength ?? 0) > 0) candidates.push({ value: '', fault: 'empty string under minLength' });
      if (schema.pattern) {
        const pattern = new RegExp(schema.pattern, 'u');
        const text = pick(random, [...INJECTION_STRINGS, ...ODD_UNICODE]);
        if (!pattern.test(text)) candidates.push({ value: text, fault: 'string breaking the pattern' });
      }
      if (schema.format === 'date')
        candidates.push({
          value: pick(random, ['2024-02-30', '31/12/2024', '2024-13-01', "2024-01-01' or 1=1"]),
          fault: 'impossible date',
        });
      break;
    }
    case 'integer':
      candidates.push(
        { value: 1.5, fault: 'fraction for an integer' },
        { value: '12', fault: 'numeric string for an integer' },
        { value: pick(random, INJECTION_STRINGS), fault: 'string for an integer' },
      );
      if (schema.maximum !== undefined) candidates.push({ value: 1e308, fault: 'number over the maximum' });
      if (schema.minimum !== undefined || schema.exclusiveMinimum !== undefined)
        candidates.push({ value: -1, fault: 'number under the minimum' });
      break;
    case 'number':
      candidates.push(
        { value: pick(random, INJECTION_STRINGS), fault: 'string for a number' },
        { value: { n: 1 }, fault: 'object for a number' },
      );
      break;
    case 'boolean':
      candidates.push(
        { value: 'yes', fault: 'string for a boolean' },
        { value: 1, fault: 'number for a boolean' },
      );
      break;
    case 'array':
      candidates.push(
        { value: 'x', fault: 'string for an array' },
        { value: { 0: 'x' }, fault: 'object for an array' },
      );
      break;
    case 'object':
      candidates.push(
        { value: 'x', fault: 'string for an object' },
        { value: [1, 2], fault: 'array for an object' },
      );
      break;
  }
  if (!nullable && type) candidates.push({ value: null, fault: 'null for a required value' });
  return candidates.length > 0 ? pick(random, candidates) : undefined;
}

/** Replaces some string values of a sample with odd strings and adds unknown fields. */
function addNoise(value: unknown, random: () => number, depth = 0): unknown {
  if (typeof value === 'string') return random() < 0.5 ? oddString(random) : value;
  if (Array.isArray(value)) return value.map((item) => addNoise(item, random, depth + 1));
  if (value && typeof value === 'object' && depth < 6) {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) result[key] = addNoise(item, random, depth + 1);
    if (random() < 0.3)
      result[pick(random, ['extra', 'role', 'isAdmin', 'constructor', 'password_hash'])] = oddString(random);
    return result;
  }
  return value;
}

// Path values that no positive whole-number id accepts, numeric-looking ones included.
const NOT_AN_ID = [...INJECTION_STRINGS, ...ODD_UNICODE, '0', '-5', '1.5', '9'.repeat(400), '1e3x'].filter(
  (text) => {
    const number = Number(text);
    return text !== '' && !(Number.isInteger(number) && number > 0) && canEncode(text);
  },
);

function canEncode(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

function numericPathParameter(
  doc: OpenApiDocument,
  operation: ReturnType<typeof operationOf>,
  name: string,
): boolean {
  const parameter = operation?.parameters?.find((item) => item.in === 'path' && item.name === name);
  const type = parameter?.schema ? primaryType(resolveSchema(doc, parameter.schema) ?? {}) : undefined;
  return type === 'integer' || type === 'number';
}

function pathParameters(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]!);
}

function deepArray(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/**
 * Builds `count` malformed requests for a route. `validIds` supplies existing ids for path
 * parameters, so that a request whose only fault lies in the body reaches a real resource.
 */
export function malformedRequests(
  doc: OpenApiDocument,
  route: DeclaredRoute,
  count: number,
  seed: number,
  validIds: readonly number[],
): MalformedRequest[] {
  const random = seededRandom(seed);
  const operation = operationOf(doc, route.method, route.url);
  const bodySchema = bodySchemaOf(doc, operation);
  const queries = queryParameters(operation);
  const params = pathParameters(route.url);
  const mutates = route.method !== 'GET';
  const requests: MalformedRequest[] = [];

  let baseBody: Record<string, unknown> | undefined;
  try {
    baseBody = bodySchema ? (sampleFromSchema(doc, bodySchema) as Record<string, unknown>) : undefined;
  } catch {
    baseBody = {};
  }

  for (let index = 0; index < count; index++) {
    const faults: string[] = [];
    const pathValues: Record<string, string> = {};
    for (const name of params) pathValues[name] = String(pick(random, validIds));
    const query: Record<string, string> = {};
    for (const parameter of queries) {
      if (parameter.required || random() < 0.5)
        query[parameter.name] = String(sampleFromSchema(doc, parameter.schema));
    }
    let body: unknown = baseBody === undefined ? undefined : addNoise(structuredClone(baseBody), random);
    let rawPayload: string | undefined;
    let contentType = 'application/json';

    // Pick one fault from those this route can carry.
    const options: Array<() => void> = [];
    for (const name of params) {
      if (!numericPathParameter(doc, operation, name)) continue;
      options.push(() => {
        pathValues[name] = pick(random, NOT_AN_ID);
        faults.push(`path :${name} not a valid id`);
      });
    }
    let rawPath: string | undefined;
    if (params.length > 0) {
      options.push(() => {
        rawPath = pick(random, ['%E0%A4%A', '%', '%zz', '%C0%AF']);
        faults.push('malformed percent-encoding in the path');
      });
    }
    // Query values are strings, so a fault there is certain only for GET routes' purposes;
    // requests that may change data carry their fault in the path or body instead.
    for (const parameter of mutates ? [] : queries) {
      const violation = violatingValue(doc, parameter.schema, random);
      if (!violation || typeof violation.value === 'object') continue;
      options.push(() => {
        query[parameter.name] = String(violation.value);
        faults.push(`query ${parameter.name}: ${violation.fault}`);
      });
      if (parameter.required) {
        options.push(() => {
          delete query[parameter.name];
          faults.push(`query ${parameter.name} missing`);
        });
      }
    }
    if (bodySchema && primaryType(bodySchema) === 'object') {
      const properties = Object.entries(bodySchema.properties ?? {});
      for (const [name, schema] of properties) {
        options.push(() => {
          const violation = violatingValue(doc, schema, random);
          if (!violation) return;
          (body as Record<string, unknown>)[name] = violation.value;
          faults.push(`body ${name}: ${violation.fault}`);
        });
      }
      for (const name of bodySchema.required ?? []) {
        options.push(() => {
          delete (body as Record<string, unknown>)[name];
          faults.push(`body ${name} missing`);
        });
      }
      options.push(() => {
        body = pick(random, [null, [], 'text', 42, [baseBody]]);
        faults.push('body not an object');
      });
      options.push(() => {
        rawPayload = deepArray(1 + Math.floor(random() * 20_000));
        faults.push('deeply nested arrays for an object');
      });
    }
    if (mutates) {
      options.push(() => {
        rawPayload = pick(random, [
          '{"a":',
          '{a:1}',
          "{'a':1}",
          '[1,2',
          '{"a":1}}',
          '\u0000',
          'undefined',
          '{"__proto__":{"isAdmin":true}}',
        ]);
        faults.push('broken or hostile JSON');
      });
      options.push(() => {
        contentType = pick(random, [
          'application/x-hoso-unknown',
          'multipart/form-data; boundary=x',
          'application/xml',
        ]);
        rawPayload = '<a>1</a>';
        faults.push(`unsupported content type ${contentType}`);
      });
    }

    // GET requests go out without a fault every third time, to reach the handler with odd values.
    const withoutFault = !mutates && (options.length === 0 || index % 3 === 0);
    if (!withoutFault) {
      let tries = 0;
      while (faults.length === 0 && options.length > 0 && tries < 20) {
        pick(random, options)();
        tries++;
      }
      if (faults.length === 0) continue;
    }
    if (!mutates) {
      for (const parameter of queries)
        if (random() < 0.3 && !faults.some((fault) => fault.includes(parameter.name)))
          query[parameter.name] = oddString(random);
      if (random() < 0.3) query[pick(random, ['q', 'sort', 'filter', 'limit'])] = oddString(random);
    }

    let url = route.url;
    for (const name of params)
      url = url.replace(`:${name}`, rawPath ?? encodeURIComponent(pathValues[name]!));
    const search = new URLSearchParams(query).toString();
    if (search) url += `?${search}`;

    const payload = rawPayload ?? (mutates ? JSON.stringify(body === undefined ? {} : body) : undefined);
    requests.push({
      method: route.method,
      url,
      headers: payload === undefined ? {} : { 'content-type': contentType },
      ...(payload === undefined ? {} : { payload }),
      fault: faults.join('; ') || 'odd values only',
    });
  }
  return requests;
}
