import { Col, DatePicker, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../../common/limits.ts';
import { DATE_FORMAT } from '../../format/dates.ts';

/**
 * Renders the decision behind a change of the tree: number and date of the decision (quyết định), and
 * the date from which the change applies under `dateField`, labelled `dateLabel`.
 */
export function DecisionFields({ dateField, dateLabel }: { dateField: string; dateLabel: string }) {
  const { t } = useTranslation('units');
  return (
    <>
      <Form.Item name={dateField} label={dateLabel} extra={t('form.dateHint')}>
        <DatePicker
          format={DATE_FORMAT}
          placeholder={t('common:date.placeholder')}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col span={14}>
          <Form.Item name="decisionNumber" label={t('form.decisionNumber')}>
            <Input maxLength={limits.decisionNumberMaxLength} placeholder={t('form.decisionNumberExample')} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="decisionDate" label={t('form.decisionDate')}>
            <DatePicker
              format={DATE_FORMAT}
              placeholder={t('common:date.placeholder')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** Trims a text field and turns an empty one into undefined, which the API reads as absent. */
export function optionalText(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
