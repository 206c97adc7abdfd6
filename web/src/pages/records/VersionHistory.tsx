import { Empty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../declarations/format-time.ts';
import { useRecordVersions } from './record-api.ts';

/** Returns where a version opens: the person's own pages, or a member's. */
export function versionLink(personId: number | undefined, versionNo: number): string {
  return personId === undefined
    ? `/record/versions/${versionNo}`
    : `/people/${personId}/record/versions/${versionNo}`;
}

/** Lists the approved versions of a record, newest first, each opening read-only. */
export function VersionHistory({
  personId,
  currentVersionNo,
}: {
  personId: number | undefined;
  currentVersionNo?: number | null;
}) {
  const { t } = useTranslation('declarations');
  const versions = useRecordVersions(personId);
  if (versions.isError) return <Typography.Text type="danger">{t('versions.loadFailed')}</Typography.Text>;
  const items = [...(versions.data ?? [])].sort((left, right) => right.versionNo - left.versionNo);
  return (
    <List
      size="small"
      loading={versions.isPending}
      dataSource={items}
      data-testid="version-history"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('versions.none')} /> }}
      renderItem={(version) => (
        <List.Item
          actions={[
            <Link key="open" to={versionLink(personId, version.versionNo)}>
              {t('versions.open')}
            </Link>,
          ]}
        >
          <List.Item.Meta
            title={
              <>
                {t('versions.title', { versionNo: version.versionNo })}{' '}
                {version.versionNo === currentVersionNo && <Tag color="green">{t('versions.current')}</Tag>}
              </>
            }
            description={t(version.source === 'import' ? 'versions.imported' : 'versions.approvedBy', {
              time: formatDateTime(version.approvedAt),
              name: version.approvedByName ?? '',
            })}
          />
        </List.Item>
      )}
    />
  );
}
