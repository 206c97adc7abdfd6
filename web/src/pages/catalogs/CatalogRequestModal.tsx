import { Alert, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldForSearch } from '../../../../common/vietnamese.ts';
import { DATE_FORMAT, isoOfDayjs } from '../../format/dates.ts';
import { useSignedInSession } from '../../session/SessionProvider.tsx';
import { optionalText } from '../units/DecisionFields.tsx';
import { showFormFailure } from '../units/form-failure.ts';
import { catalogOptions } from './catalog-labels.ts';
import { type CatalogName, type CatalogRequest, catalogActions } from './catalogs-api.ts';

interface RequestValues {
  catalog: CatalogName;
  field: string;
  proposedCode?: string;
  proposedValue: string;
  legalDocumentNumber: string;
  legalDocumentDate: Dayjs;
  note?: string;
  unitId?: number;
}

/**
 * "Đề nghị bổ sung danh mục": a unit admin requests SNV to add a value that a catalog lacks, naming
 * the record field that needs it and the legal document behind it. An admin of several
 * agencies chooses for which one; otherwise the server takes the admin's agency.
 */
export function CatalogRequestModal({
  open,
  catalog,
  onClose,
  onCreated,
}: {
  open: boolean;
  catalog?: CatalogName | undefined;
  onClose: () => void;
  onCreated: (request: CatalogRequest) => void;
}) {
  const { t } = useTranslation('catalogs');
  const session = useSignedInSession();
  const [form] = Form.useForm<RequestValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const adminUnits = session.grants.filter((grant) => grant.role === 'unit_admin');

  async function submit(values: RequestValues) {
    setSaving(true);
    setFailure(null);
    try {
      const created = await catalogActions.createRequest({
        catalog: values.catalog,
        field: values.field.trim(),
        proposedCode: optionalText(values.proposedCode),
        proposedValue: values.proposedValue.trim(),
        legalDocumentNumber: values.legalDocumentNumber.trim(),
        legalDocumentDate: isoOfDayjs(values.legalDocumentDate)!,
        note: optionalText(values.note),
        unitId: values.unitId,
      });
      onCreated(created);
    } catch (error) {
      setFailure(showFormFailure(form, error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('request.title')}
      okText={t('request.submit')}
      cancelText={t('actions.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      width={680}
    >
      {failure && <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 16 }} />}
      <Form<RequestValues>
        form={form}
        name="catalogRequest"
        layout="vertical"
        preserve={false}
        initialValues={{ catalog, unitId: adminUnits.length > 1 ? adminUnits[0]?.unitId : undefined }}
        onFinish={(values) => void submit(values)}
        disabled={saving}
      >
        {adminUnits.length > 1 && (
          <Form.Item name="unitId" label={t('fields.unit')}>
            <Select
              options={adminUnits.map((grant) => ({
                value: grant.unitId,
                label: `${grant.unitCode} — ${grant.unitName}`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="catalog"
          label={t('fields.catalog')}
          rules={[{ required: true, message: t('request.catalogRequired') }]}
        >
          <Select
            showSearch={{
              filterOption: (input, option) =>
                foldForSearch(String(option?.label ?? '')).includes(foldForSearch(input)),
            }}
            options={catalogOptions()}
          />
        </Form.Item>
        <Form.Item
          name="field"
          label={t('fields.field')}
          extra={t('request.fieldHint')}
          rules={[{ required: true, whitespace: true, message: t('request.fieldRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="proposedCode" label={t('fields.proposedCode')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="proposedValue"
              label={t('fields.proposedValue')}
              rules={[{ required: true, whitespace: true, message: t('request.valueRequired') }]}
            >
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} md={14}>
            <Form.Item
              name="legalDocumentNumber"
              label={t('fields.legalDocumentNumber')}
              rules={[{ required: true, whitespace: true, message: t('request.documentRequired') }]}
            >
              <Input maxLength={100} placeholder={t('entry.documentExample')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="legalDocumentDate"
              label={t('fields.legalDocumentDate')}
              rules={[{ required: true, message: t('request.documentDateRequired') }]}
            >
              <DatePicker
                format={DATE_FORMAT}
                placeholder={t('common:date.placeholder')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('fields.note')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
