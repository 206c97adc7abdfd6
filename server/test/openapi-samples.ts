// Builds request samples from the OpenAPI document that the app serves, for the authorization
// matrix and the malformed-request tests. Only the JSON Schema subset that zod emits is handled.

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
};

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

export interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** Converts a Fastify route URL (`/api/units/:id`) to its OpenAPI path (`/api/units/{id}`). */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

export function operationOf(doc: OpenApiDocument, method: string, url: string): OpenApiOperation | undefined {
  return doc.paths[openApiPath(url)]?.[method.toLowerCase()];
}

export function resolveSchema(doc: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema | undefined {
  let current = schema;
  for (let hops = 0; current?.$ref && hops < 10; hops++) {
    const name = current.$ref.split('/').pop() ?? '';
    current = doc.components?.schemas?.[name];
  }
  return current;
}

export function bodySchemaOf(
  doc: OpenApiDocument,
  operation: OpenApiOperation | undefined,
): JsonSchema | undefined {
  return resolveSchema(doc, operation?.requestBody?.content?.['application/json']?.schema);
}

export function primaryType(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== 'null');
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  return undefined;
}

// Strings tried, in order, against a pattern that a sample must match.
const PATTERN_CANDIDATES = [
  '2024-01-15',
  '112099',
  '1',
  '123456789012',
  '0901234567',
  'mau.thu@test.gov.vn',
  'Mẫu thử',
  'abc',
  'A1',
];

function sampleString(schema: JsonSchema): string {
  if (schema.format === 'date') return '2024-01-15';
  if (schema.format === 'date-time') return '2024-01-15T08:00:00.000Z';
  if (schema.format === 'email') return 'mau.thu@test.gov.vn';
  if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  const minLength = schema.minLength ?? 1;
  const maxLength = schema.maxLength ?? Number.POSITIVE_INFINITY;
  const fits = (value: string) => value.length >= minLength && value.length <= maxLength;
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern, 'u');
    const match = PATTERN_CANDIDATES.find((candidate) => fits(candidate) && pattern.test(candidate));
    if (match === undefined) throw new Error(`No sample string matches the pattern ${schema.pattern}.`);
    return match;
  }
  const base = 'Mẫu thử';
  if (fits(base)) return base;
  return 'x'.repeat(Math.max(minLength, 1)).slice(0, Math.max(minLength, Math.min(maxLength, minLength)));
}

function sampleNumber(schema: JsonSchema, integer: boolean): number {
  const step = integer ? 1 : 0.5;
  let value = 1;
  if (typeof schema.minimum === 'number')
    value = Math.max(value, schema.minimum + (schema.exclusiveMinimum === true ? step : 0));
  if (typeof schema.exclusiveMinimum === 'number') value = Math.max(value, schema.exclusiveMinimum + step);
  if (typeof schema.maximum === 'number' && value > schema.maximum) value = schema.maximum;
  return value;
}

/**
 * Builds a value that the schema accepts, with only the required properties of objects. Raises
 * when no value can be built (a pattern that none of the candidates matches).
 */
export function sampleFromSchema(doc: OpenApiDocument, input: JsonSchema | undefined, depth = 0): unknown {
  const schema = resolveSchema(doc, input);
  if (!schema || depth > 12) return null;
  if ('const' in schema) return schema.const;
  if (schema.enum && schema.enum.length > 0)
    return schema.enum.find((value) => value !== null) ?? schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const option = options.find((item) => resolveSchema(doc, item)?.type !== 'null') ?? options[0];
    return sampleFromSchema(doc, option, depth + 1);
  }
  if (schema.allOf) {
    return Object.assign({}, ...schema.allOf.map((part) => sampleFromSchema(doc, part, depth + 1) as object));
  }

  switch (primaryType(schema)) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const name of schema.required ?? [])
        value[name] = sampleFromSchema(doc, schema.properties?.[name], depth + 1);
      return value;
    }
    case 'array': {
      const count = schema.minItems ?? 0;
      return Array.from({ length: count }, () => sampleFromSchema(doc, schema.items, depth + 1));
    }
    case 'string':
      return sampleString(schema);
    case 'integer':
      return sampleNumber(schema, true);
    case 'number':
      return sampleNumber(schema, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return null;
  }
}

/** Names of the query parameters of an operation, with their schemas. */
export function queryParameters(operation: OpenApiOperation | undefined): OpenApiParameter[] {
  return (operation?.parameters ?? []).filter((parameter) => parameter.in === 'query');
}

/** Names of the fields that look like ids (`id`, `…Id`, `…Ids`) in a query or a body schema. */
export function idLikeFields(names: readonly string[]): string[] {
  return names.filter((name) => name === 'id' || /Ids?$/.test(name));
}
