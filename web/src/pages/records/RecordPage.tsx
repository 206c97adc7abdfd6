import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { holdsAnyRole } from '../../session/roles.ts';
import { useSignedInSession } from '../../session/SessionProvider.tsx';
import { formatDateTime } from '../declarations/format-time.ts';
import { LoadErrorResult, NotFoundPage } from '../StatusPages.tsx';
import { RecordView } from './RecordView.tsx';
import { useRecord } from './record-api.ts';
import { VersionHistory } from './VersionHistory.tsx';

/**
 * Shows the official record (the last approved version), read-only: the person's own (/record) or a
 * member's for staff (/people/:id/record). A unit admin can open the member's declaration from
 * here and prepare it on their behalf.
 */
export default function RecordPage() {
  const { t } = useTranslation('declarations');
  const navigate = useNavigate();
  const session = useSignedInSession();
  const params = useParams();
  const personId = params.id === undefined ? undefined : Number(params.id);
  const record = useRecord(personId);

  if (personId !== undefined && !(Number.isInteger(personId) && personId > 0)) return <NotFoundPage />;
  if (record.isPending) return <PageSpinner />;
  if (record.isError) return <LoadErrorResult error={record.error} onRetry={() => void record.refetch()} />;

  const view = record.data;
  const mayDeclareFor = personId !== undefined && holdsAnyRole(session, ['unit_admin', 'province_admin']);
  const declarationLink = personId === undefined ? '/declaration' : `/people/${personId}/declaration`;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="flex-start" wrap gap={8}>
        <Flex vertical>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {personId === undefined ? t('record.myTitle') : t('record.title', { name: view.fullName })}
          </Typography.Title>
          <Typography.Text type="secondary">{t('record.subtitle')}</Typography.Text>
        </Flex>
        {(personId === undefined || mayDeclareFor) && (
          <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(declarationLink)}>
            {personId === undefined ? t('record.openDeclaration') : t('record.declareOnBehalf')}
          </Button>
        )}
      </Flex>

      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 4 }}
          items={[
            {
              key: 'name',
              label: t('record.fullName'),
              children: <span data-testid="record-name">{view.fullName}</span>,
            },
            {
              key: 'agency',
              label: t('record.agency'),
              children: (
                <span data-testid="record-agency">
                  {view.agency ? `${view.agency.name} (${view.agency.code})` : '—'}
                </span>
              ),
            },
            {
              key: 'division',
              label: t('record.division'),
              children: (
                <span data-testid="record-division">
                  {view.division ? `${view.division.name} (${view.division.code})` : '—'}
                </span>
              ),
            },
            {
              key: 'version',
              label: t('record.version'),
              children: (
                <span data-testid="record-version">
                  {view.versionNo === null
                    ? t('record.noVersion')
                    : t('record.versionValue', {
                        versionNo: view.versionNo,
                        time: formatDateTime(view.approvedAt),
                      })}
                </span>
              ),
            },
          ]}
        />
      </Card>

      <Card>
        <RecordView data={view.data} />
      </Card>

      <Card title={t('page.versions')} size="small">
        <VersionHistory personId={personId} currentVersionNo={view.versionNo} />
      </Card>
    </Flex>
  );
}
