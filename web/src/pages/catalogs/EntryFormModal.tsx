import { Alert, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { entryStatuses } from '../../../../common/schemas/catalogs.ts';
import { DATE_FORMAT, dayjsOfIso, isoOfDayjs } from '../../format/dates.ts';
import { optionalText } from '../units/DecisionFields.tsx';
import { showFormFailure } from '../units/form-failure.ts';
import { AttributeFields, attributesFromForm } from './AttributeFields.tsx';
import { type CatalogEntry, type CatalogName, catalogActions } from './catalogs-api.ts';
import { LegalBasisFields } from './LegalBasisFields.tsx';

interface EntryValues {
  code: string;
  name: string;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  legalDocumentNumber?: string;
  legalDocumentDate?: Dayjs | null;
  legalBasis?: string;
  status: (typeof entryStatuses)[number];
  notes?: string;
  attributes?: Record<string, unknown>;
}

function initialValuesOf(entry: CatalogEntry | null): Partial<EntryValues> {
  if (!entry) return { status: 'current' };
  return {
    code: entry.code,
    name: entry.name,
    validFrom: dayjsOfIso(entry.validFrom),
    validTo: dayjsOfIso(entry.validTo),
    legalDocumentNumber: entry.legalDocumentNumber ?? undefined,
    legalDocumentDate: dayjsOfIso(entry.legalDocumentDate),
    legalBasis: entry.legalBasis ?? undefined,
    status: entry.status,
    notes: entry.notes ?? undefined,
    attributes: entry.attributes,
  };
}

/**
 * SNV's form that adds an entry to a catalog (entry null) or edits one. Every entry cites its
 * legal basis; the end of validity is set with the separate "end" form, so an edit never
 * shortens a period silently.
 */
export function EntryFormModal({
  catalog,
  entry,
  open,
  onClose,
  onSaved,
}: {
  catalog: CatalogName;
  entry: CatalogEntry | null;
  open: boolean;
  onClose: () => void;
  onSaved: (entry: CatalogEntry) => void;
}) {
  const { t } = useTranslation('catalogs');
  const [form] = Form.useForm<EntryValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editing = entry !== null;

  async function submit(values: EntryValues) {
    setSaving(true);
    setFailure(null);
    const legal = {
      legalDocumentNumber: optionalText(values.legalDocumentNumber),
      legalDocumentDate: isoOfDayjs(values.legalDocumentDate),
      legalBasis: optionalText(values.legalBasis),
    };
    const attributes = attributesFromForm(catalog, values.attributes);
    try {
      const saved = editing
        ? await catalogActions.update(catalog, entry.id, {
            name: values.name.trim(),
            validFrom: isoOfDayjs(values.validFrom) ?? null,
            ...legal,
            status: values.status,
            notes: optionalText(values.notes) ?? null,
            attributes,
            rowVersion: entry.rowVersion,
          })
        : await catalogActions.create(catalog, {
            code: values.code.trim(),
            name: values.name.trim(),
            validFrom: isoOfDayjs(values.validFrom),
            validTo: isoOfDayjs(values.validTo),
            ...legal,
            status: values.status,
            notes: optionalText(values.notes),
            attributes,
          });
      onSaved(saved);
    } catch (error) {
      setFailure(showFormFailure(form, error, { CATALOG_PERIOD_OVERLAP: 'validFrom' }));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={editing ? t('entry.editTitle', { code: entry.code }) : t('entry.addTitle')}
      okText={t('entry.save')}
      cancelText={t('actions.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      width={760}
    >
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
      <Form<EntryValues>
        form={form}
        name="catalogEntry"
        layout="vertical"
        preserve={false}
        initialValues={initialValuesOf(entry)}
        onFinish={(values) => void submit(values)}
        disabled={saving}
      >
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item
              name="code"
              label={t('fields.code')}
              extra={editing ? undefined : t('entry.codeHint')}
              rules={[
                { required: true, whitespace: true, message: t('entry.codeRequired') },
                { pattern: /^\s*[0-9A-Za-zĐđ./_-]+\s*$/, message: t('entry.codeInvalid') },
              ]}
            >
              <Input maxLength={40} disabled={editing} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="name"
              label={t('fields.name')}
              rules={[{ required: true, whitespace: true, message: t('entry.nameRequired') }]}
            >
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="validFrom" label={t('fields.validFrom')} extra={t('entry.validFromHint')}>
              <DatePicker
                format={DATE_FORMAT}
                placeholder={t('common:date.placeholder')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="validTo"
              label={t('fields.validTo')}
              extra={editing ? t('entry.validToEditHint') : t('entry.validToHint')}
            >
              <DatePicker
                format={DATE_FORMAT}
                placeholder={t('common:date.placeholder')}
                style={{ width: '100%' }}
                disabled={editing}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="status" label={t('fields.status')}>
              <Select options={entryStatuses.map((value) => ({ value, label: t(`entryStatus.${value}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <LegalBasisFields />
        <AttributeFields catalog={catalog} />
        <Form.Item name="notes" label={t('fields.notes')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
