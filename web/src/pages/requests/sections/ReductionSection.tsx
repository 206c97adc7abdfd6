import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { reductionDispositions, reductionReasons } from '../../../../../common/schemas/requests.ts';
import { DateField, DecisionFields, filterByLabel } from '../form-fields.tsx';
import { useAgencyAccounts, useAgencyPeople, useHoldingGroups } from '../requests-api.ts';

/**
 * A reduction: the people leaving, each with a reason and what happens to the record, and the
 * replacement approver, needed when the agency's only approver leaves.
 */
export function ReductionSection({ agencyId }: { agencyId: number }) {
  const { t } = useTranslation('requests');
  const people = useAgencyPeople(agencyId);
  const accounts = useAgencyAccounts(agencyId);
  const groups = useHoldingGroups();

  const personOptions = (people.data ?? []).map((person) => ({
    value: person.id,
    label: person.divisionName ? `${person.fullName} — ${person.divisionName}` : person.fullName,
  }));
  const groupOptions = (groups.data ?? []).map((group) => ({ value: group.id, label: group.name }));

  return (
    <>
      <Typography.Title level={5}>{t('form.reduction.people')}</Typography.Title>
      <Form.List name={['details', 'people']} initialValue={[{ reason: 'retirement', disposition: 'hold' }]}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field) => (
              <Card key={field.key} size="small">
                <Flex gap={8} wrap align="start">
                  <Form.Item
                    name={[field.name, 'personId']}
                    label={t('form.reduction.person')}
                    rules={[{ required: true }]}
                    style={{ minWidth: 280, flex: 2 }}
                  >
                    <Select
                      showSearch
                      filterOption={filterByLabel}
                      options={personOptions}
                      loading={people.isPending}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'reason']}
                    label={t('form.reduction.reason')}
                    rules={[{ required: true }]}
                    style={{ minWidth: 220, flex: 1 }}
                  >
                    <Select
                      options={reductionReasons.map((reason) => ({
                        value: reason,
                        label: t(`form.reduction.reasons.${reason}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'disposition']}
                    label={t('form.reduction.disposition')}
                    rules={[{ required: true }]}
                    style={{ minWidth: 220, flex: 1 }}
                  >
                    <Select
                      options={reductionDispositions.map((value) => ({
                        value,
                        label: t(`form.reduction.dispositions.${value}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {({ getFieldValue }) =>
                      getFieldValue(['details', 'people', field.name, 'disposition']) === 'hold' ? (
                        <Form.Item
                          name={[field.name, 'holdingGroupId']}
                          label={t('form.reduction.holdingGroup')}
                          style={{ minWidth: 200, flex: 1 }}
                        >
                          <Select
                            allowClear
                            placeholder={t('form.reduction.holdingGroupDefault')}
                            options={groupOptions}
                          />
                        </Form.Item>
                      ) : null
                    }
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button
                      aria-label={t('form.remove')}
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      style={{ marginTop: 30 }}
                    />
                  )}
                </Flex>
              </Card>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ reason: 'retirement', disposition: 'hold' })}
              style={{ alignSelf: 'start' }}
            >
              {t('form.reduction.addPerson')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <DateField name={['details', 'effectiveDate']} label={t('form.reduction.effectiveDate')} required />
      <DecisionFields />
      <Form.Item
        name={['details', 'replacementApproverAccountId']}
        label={t('form.reduction.replacement')}
        extra={t('form.reduction.replacementHint')}
      >
        <Select
          allowClear
          showSearch
          filterOption={filterByLabel}
          loading={accounts.isPending}
          options={(accounts.data ?? []).map((account) => ({
            value: account.id,
            label: `${account.displayName} (${account.email})`,
          }))}
        />
      </Form.Item>
    </>
  );
}
