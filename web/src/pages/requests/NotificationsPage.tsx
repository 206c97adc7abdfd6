import { Badge, Button, Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../format/dates.ts';
import { LoadErrorResult } from '../StatusPages.tsx';
import { useMarkRead, useNotifications } from './requests-api.ts';

/** "Thông báo": the account's notifications about requests and unit changes, newest first. */
export default function NotificationsPage() {
  const { t } = useTranslation('requests');
  const notifications = useNotifications();
  const markRead = useMarkRead();

  if (notifications.isError)
    return <LoadErrorResult error={notifications.error} onRetry={() => void notifications.refetch()} />;
  return (
    <Card
      title={
        <Badge count={notifications.data?.unread ?? 0} offset={[12, 0]}>
          {t('notifications.title')}
        </Badge>
      }
      extra={
        <Button
          onClick={() => markRead.mutate(undefined)}
          disabled={!notifications.data?.unread}
          loading={markRead.isPending}
        >
          {t('notifications.markAll')}
        </Button>
      }
    >
      <List
        loading={notifications.isPending}
        locale={{ emptyText: t('notifications.empty') }}
        dataSource={notifications.data?.items ?? []}
        renderItem={(item) => (
          <List.Item
            actions={[
              ...(item.link
                ? [
                    <Link
                      key="open"
                      to={item.link}
                      onClick={() => !item.readAt && markRead.mutate([item.id])}
                    >
                      {t('notifications.open')}
                    </Link>,
                  ]
                : []),
              ...(item.readAt
                ? []
                : [
                    <Button key="read" size="small" type="link" onClick={() => markRead.mutate([item.id])}>
                      {t('notifications.markRead')}
                    </Button>,
                  ]),
            ]}
          >
            <List.Item.Meta
              title={
                <Typography.Text strong={!item.readAt}>
                  {!item.readAt && <Badge status="processing" style={{ marginRight: 8 }} />}
                  {item.title}
                </Typography.Text>
              }
              description={
                <>
                  <Typography.Paragraph style={{ margin: 0 }}>{item.body}</Typography.Paragraph>
                  <Typography.Text type="secondary">
                    {formatDate(item.createdAt.slice(0, 10))}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
