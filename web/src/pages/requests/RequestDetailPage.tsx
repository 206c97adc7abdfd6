import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { describeError } from '../../api/errors.ts';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { formatDate } from '../../format/dates.ts';
import { holdsRole } from '../../session/roles.ts';
import { useSignedInSession } from '../../session/SessionProvider.tsx';
import { LoadErrorResult, NotFoundPage } from '../StatusPages.tsx';
import { ProcessPanel } from './ProcessPanel.tsx';
import { RequestDetailsView, RequestResultView } from './RequestDetailsView.tsx';
import { STATUS_COLORS, useComment, useRequest } from './requests-api.ts';

function formatMoment(iso: string): string {
  const date = new Date(iso);
  return `${formatDate(iso.slice(0, 10))} ${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** One request: what was asked, its history and comments, and SNV's actions while it is open. */
export default function RequestDetailPage() {
  const { t } = useTranslation('requests');
  const { message } = App.useApp();
  const requestId = Number(useParams().id);
  const session = useSignedInSession();
  const request = useRequest(requestId);
  const comment = useComment(requestId);
  const [commentForm] = Form.useForm();

  if (!Number.isInteger(requestId) || requestId <= 0) return <NotFoundPage />;
  if (request.isPending) return <PageSpinner />;
  if (request.isError)
    return <LoadErrorResult error={request.error} onRetry={() => void request.refetch()} />;

  const data = request.data;
  const open = data.status === 'new' || data.status === 'in_progress';
  const sendComment = async (values: { text: string }) => {
    try {
      await comment.mutateAsync(values.text);
      commentForm.resetFields();
    } catch (error) {
      void message.error(describeError(error));
    }
  };

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Flex gap={8} align="center">
            {t('detail.title', { id: data.id })}
            <Tag color={STATUS_COLORS[data.status]}>{t(`status.${data.status}`)}</Tag>
          </Flex>
        }
        extra={open && holdsRole(session, 'province_admin') ? <ProcessPanel request={data} /> : null}
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('detail.kind')}>{t(`kind.${data.kind}`)}</Descriptions.Item>
          <Descriptions.Item
            label={t('detail.agency')}
          >{`${data.agency.code} ${data.agency.name}`}</Descriptions.Item>
          <Descriptions.Item
            label={t('detail.requestedBy')}
          >{`${data.requestedBy.displayName} (${data.requestedBy.email})`}</Descriptions.Item>
          <Descriptions.Item label={t('detail.createdAt')}>{formatMoment(data.createdAt)}</Descriptions.Item>
          {data.note && <Descriptions.Item label={t('detail.note')}>{data.note}</Descriptions.Item>}
        </Descriptions>
        {data.reconciliationId !== null && (
          <Typography.Text type="secondary">
            {t('detail.reconciliation', { id: data.reconciliationId })}
          </Typography.Text>
        )}
        {data.resolutionNote && (
          <Alert
            style={{ marginTop: 12 }}
            type={data.status === 'rejected' ? 'error' : 'success'}
            showIcon
            title={t('detail.resolutionNote')}
            description={data.resolutionNote}
          />
        )}
      </Card>

      <Card title={t('detail.details')} size="small">
        <RequestDetailsView request={data} />
      </Card>

      {data.result && (
        <Card title={t('detail.result')} size="small">
          <RequestResultView request={data} />
        </Card>
      )}

      <Card title={t('detail.history')} size="small">
        <Timeline
          items={data.history.map((event) => ({
            key: event.id,
            color:
              event.kind === 'comment'
                ? 'gray'
                : event.toStatus
                  ? (STATUS_COLORS[event.toStatus] ?? 'blue')
                  : 'blue',
            content: (
              <Flex vertical>
                <Typography.Text strong>
                  {t(`detail.event.${event.kind}`)}
                  {event.toStatus && event.kind !== 'created' ? `: ${t(`status.${event.toStatus}`)}` : ''}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {formatMoment(event.occurredAt)}
                  {event.actor ? ` — ${event.actor.displayName}` : ''}
                </Typography.Text>
                {event.comment && (
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                    {event.comment}
                  </Typography.Paragraph>
                )}
              </Flex>
            ),
          }))}
        />
        <Form form={commentForm} layout="vertical" onFinish={(values) => void sendComment(values)}>
          <Form.Item name="text" label={t('detail.comment')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={4_000} placeholder={t('detail.commentPlaceholder')} />
          </Form.Item>
          <Button htmlType="submit" loading={comment.isPending}>
            {t('detail.send')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
