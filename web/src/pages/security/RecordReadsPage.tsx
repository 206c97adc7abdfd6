import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { recordReads } from '../../../../common/schemas/record-reads.ts';
import { api } from '../../api/client.ts';
import { LoadErrorResult } from '../StatusPages.tsx';

type RecordRead = z.infer<typeof recordReads>[number];
type RecordReadRow = RecordRead & { key: number };

/** Views fetched; the server keeps every one, the page shows the latest. */
const READS_SHOWN = 200;

/** Formats a moment as dd/mm/yyyy HH:mm in the browser's time zone, the same in both languages. */
function formatDateTime(iso: string): string {
  return dayjs(iso).format('DD/MM/YYYY HH:mm');
}

/** "Ai đã xem hồ sơ của tôi": who opened the signed-in person's full record and when. */
export default function RecordReadsPage() {
  const { t } = useTranslation('security');
  const reads = useQuery({
    queryKey: ['record-reads', READS_SHOWN],
    queryFn: () => api.get<RecordRead[]>('/api/me/record-reads', { limit: READS_SHOWN }),
  });

  if (reads.isError) return <LoadErrorResult error={reads.error} onRetry={() => void reads.refetch()} />;
  // One reader can open the record twice in the same millisecond, so rows are keyed by position.
  const rows = (reads.data ?? []).map((read, index) => ({ ...read, key: index }));
  return (
    <Card title={t('recordReads.title')}>
      <Typography.Paragraph>{t('recordReads.intro')}</Typography.Paragraph>
      <Table<RecordReadRow>
        size="middle"
        loading={reads.isPending}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: t('recordReads.empty') }}
        columns={[
          {
            key: 'readAt',
            title: t('recordReads.readAt'),
            width: 170,
            render: (_value, row) => formatDateTime(row.readAt),
          },
          {
            key: 'reader',
            title: t('recordReads.reader'),
            render: (_value, row) => (
              <>
                {row.readerName}
                {row.self && (
                  <Tag color="blue" style={{ marginInlineStart: 8 }}>
                    {t('recordReads.self')}
                  </Tag>
                )}
              </>
            ),
          },
          { key: 'email', title: t('recordReads.email'), dataIndex: 'readerEmail' },
        ]}
      />
      {rows.length >= READS_SHOWN && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('recordReads.limited', { count: READS_SHOWN })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
