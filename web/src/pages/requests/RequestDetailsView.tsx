import { Descriptions, List, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../format/dates.ts';
import type { RequestDto } from './requests-api.ts';

// The stored details and result of each kind, as the server's request services write them.
interface ReductionEntry {
  personId: number;
  fullName: string;
  divisionName: string | null;
  reason: string;
  disposition: string;
}
interface RecruitEntry {
  fullName: string;
  email: string;
  divisionName?: string | null;
}
type Details = Record<string, unknown>;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function Decision({ details }: { details: Details }) {
  const { t } = useTranslation('requests');
  if (!details.decisionNumber) return null;
  return (
    <Descriptions.Item label={t('form.decisionNumber')}>
      {text(details.decisionNumber)}
      {details.decisionDate ? ` — ${formatDate(text(details.decisionDate))}` : ''}
    </Descriptions.Item>
  );
}

/** What the unit asked for, by kind. */
export function RequestDetailsView({ request }: { request: RequestDto }) {
  const { t } = useTranslation('requests');
  const details = request.details;

  if (request.kind === 'reduction') {
    const people = (details.people ?? []) as ReductionEntry[];
    return (
      <>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('form.reduction.effectiveDate')}>
            {formatDate(text(details.effectiveDate))}
          </Descriptions.Item>
          {details.decisionNumber ? (
            <Descriptions.Item label={t('form.decisionNumber')}>
              {text(details.decisionNumber)}{' '}
              {details.decisionDate ? `— ${formatDate(text(details.decisionDate))}` : ''}
            </Descriptions.Item>
          ) : null}
          {details.replacementApproverAccountId ? (
            <Descriptions.Item label={t('form.reduction.replacement')}>
              #{String(details.replacementApproverAccountId)}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        <Table<ReductionEntry>
          style={{ marginTop: 12 }}
          size="small"
          rowKey="personId"
          pagination={false}
          dataSource={people}
          columns={[
            { title: t('form.reduction.person'), dataIndex: 'fullName' },
            { title: t('form.recruitment.division'), dataIndex: 'divisionName' },
            {
              title: t('form.reduction.reason'),
              dataIndex: 'reason',
              render: (value: string) => t(`form.reduction.reasons.${value}`),
            },
            {
              title: t('form.reduction.disposition'),
              dataIndex: 'disposition',
              render: (value: string) => t(`form.reduction.dispositions.${value}`),
            },
          ]}
        />
      </>
    );
  }

  if (request.kind === 'recruitment') {
    const recruits = (details.recruits ?? []) as RecruitEntry[];
    return (
      <Table<RecruitEntry>
        size="small"
        rowKey="email"
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        dataSource={recruits}
        columns={[
          {
            title: t('common:table.index'),
            key: 'index',
            width: 60,
            render: (_value, _row, index) => index + 1,
          },
          { title: t('form.recruitment.fullName'), dataIndex: 'fullName' },
          { title: t('form.recruitment.email'), dataIndex: 'email' },
          { title: t('form.recruitment.division'), dataIndex: 'divisionName' },
        ]}
      />
    );
  }

  if (request.kind === 'transfer_in') {
    return (
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('form.transferIn.fullName')}>{text(details.fullName)}</Descriptions.Item>
        <Descriptions.Item label={t('form.transferIn.fromUnit')}>
          {text(details.fromUnitLabel)}
        </Descriptions.Item>
        {details.toDivisionName ? (
          <Descriptions.Item label={t('form.transferIn.toDivision')}>
            {text(details.toDivisionName)}
          </Descriptions.Item>
        ) : null}
        {details.email ? (
          <Descriptions.Item label={t('form.transferIn.email')}>{text(details.email)}</Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('form.transferIn.grantUnitAdmin')}>
          {details.grantUnitAdmin ? '✓' : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('form.transferIn.grantApprover')}>
          {details.grantApprover ? '✓' : '—'}
        </Descriptions.Item>
        <Decision details={details} />
      </Descriptions>
    );
  }

  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label={t('form.orgMismatch.changeType')}>
        {t(`form.orgMismatch.changeTypes.${text(details.changeType)}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('form.orgMismatch.description')}>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          {text(details.description)}
        </Typography.Paragraph>
      </Descriptions.Item>
      <Decision details={details} />
      {details.effectiveDate ? (
        <Descriptions.Item label={t('form.effectiveDate')}>
          {formatDate(text(details.effectiveDate))}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

/** What SNV did, once the request is done. */
export function RequestResultView({ request }: { request: RequestDto }) {
  const { t } = useTranslation('requests');
  const result = request.result;
  if (!result) return null;

  if (request.kind === 'reduction') {
    const people = (result.people ?? []) as Array<{
      personId: number;
      fullName: string;
      outcome: string;
      holdingGroupName: string | null;
    }>;
    return (
      <List
        size="small"
        dataSource={people}
        renderItem={(item) => (
          <List.Item>
            {item.fullName}:{' '}
            {item.outcome === 'held'
              ? t('result.held', { group: item.holdingGroupName })
              : t('result.deleted')}
          </List.Item>
        )}
      />
    );
  }
  if (request.kind === 'recruitment') {
    const accounts = (result.accounts ?? []) as Array<{ email: string; fullName: string; outcome: string }>;
    return (
      <List
        size="small"
        dataSource={accounts}
        renderItem={(item) => (
          <List.Item>
            {item.fullName} ({item.email}): {t(`result.${item.outcome}`)}
          </List.Item>
        )}
      />
    );
  }
  if (request.kind === 'transfer_in') {
    const key = result.createdAccount ? 'result.accountCreated' : 'result.account';
    return <Typography.Text>{t(key, { email: text(result.email) })}</Typography.Text>;
  }
  const events = (result.reorganisationEventIds ?? []) as number[];
  return <Link to="/reorganisation?tab=events">{t('result.events', { count: events.length })}</Link>;
}
