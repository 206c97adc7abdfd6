import { Alert, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { LoadErrorResult, NotFoundPage } from '../StatusPages.tsx';
import { RecordView } from './RecordView.tsx';
import { useRecordVersion } from './record-api.ts';
import { versionOrigin } from './VersionHistory.tsx';

/** One approved version of a record, read-only: /record/versions/:versionNo or /people/:id/record/versions/:versionNo. */
export default function RecordVersionPage() {
  const { t } = useTranslation('declarations');
  const params = useParams();
  const personId = params.id === undefined ? undefined : Number(params.id);
  const versionNo = Number(params.versionNo);
  const version = useRecordVersion(personId, versionNo);

  if (!(Number.isInteger(versionNo) && versionNo > 0)) return <NotFoundPage />;
  if (personId !== undefined && !(Number.isInteger(personId) && personId > 0)) return <NotFoundPage />;
  if (version.isPending) return <PageSpinner />;
  if (version.isError)
    return <LoadErrorResult error={version.error} onRetry={() => void version.refetch()} />;

  const data = version.data;
  const recordLink = personId === undefined ? '/record' : `/people/${personId}/record`;
  return (
    <Flex vertical gap={16}>
      <Flex vertical>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('versions.pageTitle', { versionNo: data.versionNo, name: data.data.identity.fullName })}
        </Typography.Title>
        <Link to={recordLink}>{t('versions.backToRecord')}</Link>
      </Flex>
      <Alert type="info" showIcon title={versionOrigin(t, data)} />
      <Card>
        <RecordView data={data.data} />
      </Card>
    </Flex>
  );
}
