import { Button, Col, Flex, Form, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/index.ts';
import { useFieldLabel } from '../../records/labels.ts';
import { useCatalogEntry } from '../../records/record-api.ts';
import type { FieldSpec, TabSpec } from '../../records/record-layout.ts';
import { FieldInput } from './FieldInput.tsx';
import { RepeatingTableField } from './RepeatingTableField.tsx';

const DEFAULT_SPAN: Partial<Record<FieldSpec['kind'], number>> = { textarea: 24, agency: 12, division: 12 };

/**
 * Offers the coefficient of the salary table for the chosen grade, group and step
 * (salary_coefficients codes are "<table>/<group>/<step>"), so that the person need not look it up.
 */
function SalaryCoefficientHint({ disabled }: { disabled?: boolean }) {
  const { t } = useTranslation('declarations');
  const form = Form.useFormInstance();
  const rankKind = Form.useWatch<string | null>(['salary', 'rankKind']);
  const rankCode = Form.useWatch<string | null>(['salary', 'rankCode']);
  const group = Form.useWatch<string | null>(['salary', 'salaryGroup']);
  const step = Form.useWatch<number | null>(['salary', 'salaryStep']);
  const coefficient = Form.useWatch<number | null>(['salary', 'coefficient']);

  const rank = useCatalogEntry(
    rankKind === 'professional_title' ? 'professional_titles' : 'grades',
    rankCode,
  );
  const salaryTable = rank.data?.attributes.salaryTable;
  const code = typeof salaryTable === 'string' && group && step ? `${salaryTable}/${group}/${step}` : null;
  const entry = useCatalogEntry('salary_coefficients', code);
  const expected = entry.data?.attributes.coefficient;

  if (typeof expected !== 'number' || expected === coefficient) return null;
  return (
    <Flex gap={8} align="center" wrap>
      <Typography.Text type="secondary">
        {t('form.coefficientHint', {
          step,
          group,
          coefficient: expected.toLocaleString(currentLanguage() === 'en' ? 'en-US' : 'vi-VN', {
            minimumFractionDigits: 2,
          }),
        })}
      </Typography.Text>
      <Button
        size="small"
        disabled={disabled}
        onClick={() => form.setFieldValue(['salary', 'coefficient'], expected)}
      >
        {t('form.useValue')}
      </Button>
    </Flex>
  );
}

function extraOf(path: string, disabled: boolean | undefined): ReactNode {
  if (path === 'salary.coefficient') return <SalaryCoefficientHint disabled={disabled} />;
  return undefined;
}

/** Renders the editable fields and tables of one tab of the declaration form. */
export function SectionFields({ tab, disabled }: { tab: TabSpec; disabled?: boolean }) {
  const { t } = useTranslation('declarations');
  const label = useFieldLabel();
  return (
    <Flex vertical gap={8}>
      {tab.groups.map((group) => (
        <section key={group.titleKey} aria-label={t(group.titleKey)}>
          <Typography.Title level={5}>{t(group.titleKey)}</Typography.Title>
          {group.fields && (
            <Row gutter={16}>
              {group.fields.map((field) => {
                const span = field.span ?? DEFAULT_SPAN[field.kind] ?? 6;
                return (
                  <Col key={field.path} xs={24} md={span >= 12 ? 24 : 12} xl={span}>
                    <FieldInput
                      spec={field}
                      name={field.path.split('.')}
                      label={label(field.path)}
                      extra={extraOf(field.path, disabled)}
                    />
                  </Col>
                );
              })}
            </Row>
          )}
          {group.table && <RepeatingTableField table={group.table} disabled={disabled} />}
        </section>
      ))}
    </Flex>
  );
}
