import { BellOutlined, CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Badge, Button, Card, Flex, List, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { notificationSchema } from '../../../../common/schemas/declarations.ts';
import { api } from '../../api/client.ts';
import { describeError } from '../../api/errors.ts';
import { formatDateTime } from '../declarations/format-time.ts';
import { LoadErrorResult } from '../StatusPages.tsx';

type PersonNotification = z.infer<typeof notificationSchema>;

const KIND_ICONS: Record<PersonNotification['kind'], ReactNode> = {
  declaration_returned: <CloseCircleOutlined style={{ color: '#cf1322' }} />,
  declaration_approved: <CheckCircleOutlined style={{ color: '#389e0d' }} />,
  declaration_reminder: <BellOutlined style={{ color: '#d48806' }} />,
};

/** Lists the declaration notices of the person: returned with the reason, approved, reminders. */
function DeclarationNotices() {
  const { t } = useTranslation('declarations');
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const notices = useQuery({
    queryKey: ['my-notifications'],
    queryFn: ({ signal }) => api.get<PersonNotification[]>('/api/me/notifications', undefined, signal),
    staleTime: 0,
  });
  if (notices.isError)
    return <LoadErrorResult error={notices.error} onRetry={() => void notices.refetch()} />;

  async function markRead(id: number) {
    try {
      await api.post(`/api/me/notifications/${id}/read`);
      await queryClient.invalidateQueries({ queryKey: ['my-notifications'] });
    } catch (error) {
      message.error(describeError(error));
    }
  }

  return (
    <List
      loading={notices.isPending}
      dataSource={notices.data ?? []}
      data-testid="declaration-notifications"
      locale={{ emptyText: t('notifications.none') }}
      renderItem={(notice) => (
        <List.Item
          data-testid="notification"
          data-kind={notice.kind}
          actions={[
            notice.declarationId !== null && (
              <Link
                key="open"
                to="/declaration"
                onClick={() => notice.readAt === null && void markRead(notice.id)}
              >
                {t('notifications.openDeclaration')}
              </Link>
            ),
            notice.readAt === null && (
              <Button key="read" size="small" type="link" onClick={() => void markRead(notice.id)}>
                {t('notifications.markRead')}
              </Button>
            ),
          ].filter(Boolean)}
        >
          <List.Item.Meta
            avatar={KIND_ICONS[notice.kind]}
            title={
              <Flex gap={8} align="center">
                {notice.readAt === null && <Badge status="processing" />}
                <Typography.Text strong={notice.readAt === null}>
                  {t(`notifications.kinds.${notice.kind}`)}
                </Typography.Text>
                <Typography.Text type="secondary">{formatDateTime(notice.createdAt)}</Typography.Text>
              </Flex>
            }
            description={<Typography.Text>{notice.message}</Typography.Text>}
          />
        </List.Item>
      )}
    />
  );
}

/**
 * Renders the person's notices about their declaration. Notices about requests and reorganisations come
 * on the account's own notifications page.
 */
export default function NotificationsPage() {
  const { t } = useTranslation('declarations');
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('notifications.title')}
      </Typography.Title>
      <Card>
        <DeclarationNotices />
      </Card>
    </Flex>
  );
}
