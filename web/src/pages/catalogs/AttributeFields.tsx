import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type CatalogName, catalogAttributeSchemas } from '../../../../common/schemas/catalogs.ts';

type AttributeKind = 'text' | 'integer' | 'number' | 'boolean' | 'choice';

/** One attribute of a catalog, read from the JSON Schema of its zod schema in common/schemas/catalogs.ts. */
export interface AttributeField {
  name: string;
  kind: AttributeKind;
  /** The value may be left out. */
  optional: boolean;
  /** The value must be present but may be null, which an empty field gives. */
  nullable: boolean;
  choices: string[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
  maxLength?: number;
}

interface JsonSchemaProperty {
  type?: string;
  enum?: string[];
  anyOf?: JsonSchemaProperty[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
  maxLength?: number;
}

function kindOf(property: JsonSchemaProperty): AttributeKind {
  if (property.enum) return 'choice';
  if (property.type === 'integer') return 'integer';
  if (property.type === 'number') return 'number';
  if (property.type === 'boolean') return 'boolean';
  return 'text';
}

const fieldsByCatalog = new Map<CatalogName, AttributeField[]>();

/**
 * Lists the attributes of a catalog's entries in the order the schema declares them. Building the
 * form from the shared zod schema keeps the form and the server's check of `attributes` in step.
 */
export function attributeFieldsOf(catalog: CatalogName): AttributeField[] {
  const cached = fieldsByCatalog.get(catalog);
  if (cached) return cached;

  const schema = z.toJSONSchema(catalogAttributeSchemas[catalog], { io: 'input' }) as {
    properties?: Record<string, JsonSchemaProperty>;
    required?: string[];
  };
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(([name, declared]) => {
    const nonNull = declared.anyOf?.find((option) => option.type !== 'null');
    const property = nonNull ?? declared;
    return {
      name,
      kind: kindOf(property),
      optional: !required.has(name),
      nullable: nonNull !== undefined,
      choices: property.enum ?? [],
      minimum: property.minimum ?? property.exclusiveMinimum,
      maximum: property.maximum,
      pattern: property.pattern,
      maxLength: property.maxLength,
    } satisfies AttributeField;
  });
  fieldsByCatalog.set(catalog, fields);
  return fields;
}

/**
 * Turns the attribute values of the form into the body's `attributes`: text trimmed, and an
 * empty field left out when optional or sent as null when nullable.
 */
export function attributesFromForm(
  catalog: CatalogName,
  values: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  for (const field of attributeFieldsOf(catalog)) {
    let value = values?.[field.name];
    if (typeof value === 'string') value = value.trim();
    const empty = value === undefined || value === null || value === '';
    if (!empty) attributes[field.name] = value;
    else if (field.nullable) attributes[field.name] = null;
    else if (field.kind === 'boolean') attributes[field.name] = false;
  }
  return attributes;
}

function AttributeInput({ field }: { field: AttributeField }) {
  const { t } = useTranslation('catalogs');
  switch (field.kind) {
    case 'choice':
      return (
        <Select
          allowClear={field.optional || field.nullable}
          options={field.choices.map((value) => ({
            value,
            label: t(`attributeValues.${value}`, { defaultValue: value }),
          }))}
        />
      );
    case 'boolean':
      return <Switch />;
    case 'integer':
    case 'number':
      return (
        <InputNumber
          style={{ width: '100%' }}
          min={field.minimum}
          max={field.maximum}
          precision={field.kind === 'integer' ? 0 : undefined}
          step={field.kind === 'integer' ? 1 : 0.01}
          decimalSeparator={field.kind === 'number' ? ',' : undefined}
        />
      );
    default:
      return <Input maxLength={field.maxLength} />;
  }
}

/** Renders the form items of a catalog's attributes, under the form field `attributes`. */
export function AttributeFields({ catalog }: { catalog: CatalogName }) {
  const { t } = useTranslation('catalogs');
  const fields = attributeFieldsOf(catalog);
  if (fields.length === 0) return null;

  return (
    <Row gutter={12}>
      {fields.map((field) => {
        const required = !field.optional && !field.nullable && field.kind !== 'boolean';
        const rules = [];
        if (required) rules.push({ required: true, message: t('entry.attributeRequired') });
        if (field.pattern && field.kind === 'text')
          rules.push({ pattern: new RegExp(field.pattern), message: t(`attributePatterns.${field.name}`) });
        return (
          <Col key={field.name} xs={24} md={12}>
            <Form.Item
              name={['attributes', field.name]}
              label={t(`attributes.${field.name}`, { defaultValue: field.name })}
              valuePropName={field.kind === 'boolean' ? 'checked' : 'value'}
              rules={rules}
            >
              <AttributeInput field={field} />
            </Form.Item>
          </Col>
        );
      })}
    </Row>
  );
}
