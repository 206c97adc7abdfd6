import { Col, DatePicker, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT } from '../../format/dates.ts';

/**
 * The legal document behind a catalog change: number and date of issue, or a free-text
 * citation. The server needs one of the two.
 */
export function LegalBasisFields() {
  const { t } = useTranslation('catalogs');
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={14}>
          <Form.Item
            name="legalDocumentNumber"
            label={t('fields.legalDocumentNumber')}
            extra={t('entry.legalHint')}
          >
            <Input maxLength={100} placeholder={t('entry.documentExample')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="legalDocumentDate" label={t('fields.legalDocumentDate')}>
            <DatePicker
              format={DATE_FORMAT}
              placeholder={t('common:date.placeholder')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="legalBasis" label={t('fields.legalBasis')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
      </Form.Item>
    </>
  );
}
