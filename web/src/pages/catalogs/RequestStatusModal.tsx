import { Alert, Descriptions, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CatalogRequestStatus, catalogRequestStatuses } from '../../../../common/schemas/catalogs.ts';
import { formatDate } from '../../format/dates.ts';
import { optionalText } from '../units/DecisionFields.tsx';
import { showFormFailure } from '../units/form-failure.ts';
import { catalogLabel } from './catalog-labels.ts';
import { type CatalogRequest, catalogActions } from './catalogs-api.ts';

interface StatusValues {
  status: CatalogRequestStatus;
  resolutionNote?: string;
}

/**
 * SNV's form that moves a catalog request on: in progress, done (after adding the entry) or
 * rejected with a reason. Done and rejected requests are closed and no longer change.
 */
export function RequestStatusModal({
  request,
  onClose,
  onSaved,
}: {
  request: CatalogRequest | null;
  onClose: () => void;
  onSaved: (request: CatalogRequest) => void;
}) {
  const { t } = useTranslation('catalogs');
  const [form] = Form.useForm<StatusValues>();
  const status = Form.useWatch('status', form);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(values: StatusValues) {
    if (!request) return;
    setSaving(true);
    setFailure(null);
    try {
      onSaved(
        await catalogActions.updateRequest(request.id, {
          status: values.status,
          resolutionNote: optionalText(values.resolutionNote),
          rowVersion: request.rowVersion,
        }),
      );
    } catch (error) {
      setFailure(showFormFailure(form, error));
    } finally {
      setSaving(false);
    }
  }

  const nextStatuses = catalogRequestStatuses.filter((value) => value !== 'new' && value !== request?.status);

  return (
    <Modal
      open={request !== null}
      title={t('queue.handleTitle')}
      okText={t('queue.save')}
      cancelText={t('actions.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      width={640}
    >
      {request && (
        <Descriptions
          size="small"
          column={1}
          bordered
          style={{ marginBottom: 16 }}
          items={[
            {
              key: 'catalog',
              label: t('fields.catalog'),
              children: <Link to={`/catalogs/${request.catalog}`}>{catalogLabel(request.catalog)}</Link>,
            },
            { key: 'field', label: t('fields.field'), children: request.field },
            {
              key: 'value',
              label: t('fields.proposedValue'),
              children: request.proposedCode
                ? `${request.proposedCode} — ${request.proposedValue}`
                : request.proposedValue,
            },
            {
              key: 'document',
              label: t('fields.legalDocument'),
              children: `${request.legalDocumentNumber} ${t('entry.dateWord')} ${formatDate(request.legalDocumentDate)}`,
            },
          ]}
        />
      )}
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
      <Form<StatusValues>
        form={form}
        name="catalogRequestStatus"
        layout="vertical"
        preserve={false}
        initialValues={{ status: nextStatuses[0] }}
        onFinish={(values) => void submit(values)}
        disabled={saving}
      >
        <Form.Item name="status" label={t('fields.status')} extra={t('queue.statusHint')}>
          <Select options={nextStatuses.map((value) => ({ value, label: t(`requestStatus.${value}`) }))} />
        </Form.Item>
        <Form.Item
          name="resolutionNote"
          label={t('fields.resolutionNote')}
          rules={[{ required: status === 'rejected', whitespace: true, message: t('queue.reasonRequired') }]}
        >
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
