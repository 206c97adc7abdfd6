import { Empty, List, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../declarations/format-time.ts';
import { useRecordVersions, type VersionSummary } from './record-api.ts';

/** Returns where a version opens: the person's own pages, or a member's. */
export function versionLink(personId: number | undefined, versionNo: number): string {
  return personId === undefined
    ? `/record/versions/${versionNo}`
    : `/people/${personId}/record/versions/${versionNo}`;
}

/** Describes where a version came from: imported, or approved when and by whom. */
export function versionOrigin(
  t: TFunction,
  version: Pick<VersionSummary, 'source' | 'approvedAt' | 'approvedByName'>,
): string {
  const time = formatDateTime(version.approvedAt);
  if (version.source === 'import') return t('versions.imported', { time });
  if (version.approvedByName) return t('versions.approvedBy', { time, name: version.approvedByName });
  return t('versions.approved', { time });
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
            description={versionOrigin(t, version)}
          />
        </List.Item>
      )}
    />
  );
}
