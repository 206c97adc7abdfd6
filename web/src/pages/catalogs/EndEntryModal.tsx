import { Alert, DatePicker, Form, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, isoOfDayjs } from '../../format/dates.ts';
import { optionalText } from '../units/DecisionFields.tsx';
import { showFormFailure } from '../units/form-failure.ts';
import { type CatalogEntry, type CatalogName, catalogActions } from './catalogs-api.ts';
import { LegalBasisFields } from './LegalBasisFields.tsx';

interface EndValues {
  validTo: Dayjs;
  legalDocumentNumber?: string;
  legalDocumentDate?: Dayjs | null;
  legalBasis?: string;
}

/**
 * SNV's form that ends a catalog entry from a date, citing the document that ends it. The entry
 * stays for the records and dates that cite it; it only stops being offered from that date.
 */
export function EndEntryModal({
  catalog,
  entry,
  onClose,
  onEnded,
}: {
  catalog: CatalogName;
  entry: CatalogEntry | null;
  onClose: () => void;
  onEnded: (entry: CatalogEntry) => void;
}) {
  const { t } = useTranslation('catalogs');
  const [form] = Form.useForm<EndValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(values: EndValues) {
    if (!entry) return;
    setSaving(true);
    setFailure(null);
    try {
      const ended = await catalogActions.end(catalog, entry.id, {
        validTo: isoOfDayjs(values.validTo)!,
        legalDocumentNumber: optionalText(values.legalDocumentNumber),
        legalDocumentDate: isoOfDayjs(values.legalDocumentDate),
        legalBasis: optionalText(values.legalBasis),
        rowVersion: entry.rowVersion,
      });
      onEnded(ended);
    } catch (error) {
      setFailure(showFormFailure(form, error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={entry !== null}
      title={entry ? t('end.title', { code: entry.code }) : ''}
      okText={t('end.submit')}
      okButtonProps={{ danger: true }}
      cancelText={t('actions.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      width={640}
    >
      {entry && <Typography.Paragraph>{t('end.text', { name: entry.name })}</Typography.Paragraph>}
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
      <Form<EndValues>
        form={form}
        name="endCatalogEntry"
        layout="vertical"
        preserve={false}
        onFinish={(values) => void submit(values)}
        disabled={saving}
      >
        <Form.Item
          name="validTo"
          label={t('fields.validTo')}
          extra={t('end.validToHint')}
          rules={[{ required: true, message: t('end.validToRequired') }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            placeholder={t('common:date.placeholder')}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <LegalBasisFields />
      </Form>
    </Modal>
  );
}
