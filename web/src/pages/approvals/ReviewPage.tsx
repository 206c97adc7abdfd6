import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { DecisionBody } from '../../../../common/schemas/declarations.ts';
import { ApiError } from '../../api/client.ts';
import { describeError } from '../../api/errors.ts';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import type { FlashState } from '../../layout/flash.ts';
import { DeclarationEvents } from '../declarations/DeclarationEvents.tsx';
import { formatDateTime } from '../declarations/format-time.ts';
import { StatusBanner } from '../declarations/StatusBanner.tsx';
import { RecordView } from '../records/RecordView.tsx';
import { LoadErrorResult, NotFoundPage } from '../StatusPages.tsx';
import { decide, type InboxItem, useReview } from './approvals-api.ts';
import { DiffView } from './DiffView.tsx';

const REASON_MAX = 2000;

/**
 * Shows one submitted declaration beside the official record, with Phê duyệt and Trả lại (a reason is
 * required). When another approver decided first, the page shows a notice with the decision and its author.
 */
export default function ReviewPage() {
  const { t } = useTranslation('declarations');
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const declarationId = Number(useParams().id);
  const review = useReview(declarationId);
  const [returning, setReturning] = useState(false);
  const [busy, setBusy] = useState(false);
  const [decidedElsewhere, setDecidedElsewhere] = useState<string | null>(null);
  const [reasonForm] = Form.useForm<{ reason: string }>();

  if (!(Number.isInteger(declarationId) && declarationId > 0)) return <NotFoundPage />;
  if (review.isPending) return <PageSpinner />;
  if (review.isError) return <LoadErrorResult error={review.error} onRetry={() => void review.refetch()} />;

  const { declaration, diff, problems, baseVersionNo } = review.data;
  const pending = declaration.status === 'submitted';
  // Who decided, for the message shown when someone else decided first.
  const lastDecision = [...declaration.events]
    .reverse()
    .find((event) => event.event === 'approved' || event.event === 'returned');

  async function send(body: DecisionBody): Promise<void> {
    setBusy(true);
    try {
      await decide(declarationId, body);
      // The inbox shows at once without the decided declaration, then refetches.
      queryClient.setQueryData<InboxItem[]>(['declaration-inbox'], (items) =>
        items?.filter((item) => item.id !== declarationId),
      );
      void queryClient.invalidateQueries({ queryKey: ['declaration-inbox'] });
      const flash =
        body.decision === 'approve'
          ? 'declarations:review.approvedFlash'
          : 'declarations:review.returnedFlash';
      navigate('/approvals', { state: { flash } satisfies FlashState });
    } catch (error) {
      if (
        error instanceof ApiError &&
        (error.code === 'DECLARATION_ALREADY_DECIDED' || error.code === 'DECLARATION_STALE')
      ) {
        setDecidedElsewhere(describeError(error));
        setReturning(false);
        void queryClient.invalidateQueries({ queryKey: ['declaration-inbox'] });
        await review.refetch();
      } else {
        message.error(describeError(error));
      }
    } finally {
      setBusy(false);
    }
  }

  async function confirmReturn() {
    let reason: string;
    try {
      ({ reason } = await reasonForm.validateFields());
    } catch {
      // The dialog shows the missing or too long reason under the field.
      return;
    }
    await send({ decision: 'return', rowVersion: declaration.rowVersion, reason });
  }

  const target = declaration.targetAgency
    ? `${declaration.targetAgency.name}${declaration.targetDivision ? ` — ${declaration.targetDivision.name}` : ''}`
    : '—';

  return (
    <Flex vertical gap={16}>
      <Flex vertical>
        <Link to="/approvals">{t('review.backToInbox')}</Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('review.title', { name: declaration.personName })}
        </Typography.Title>
      </Flex>

      {decidedElsewhere && (
        <Alert
          type="warning"
          showIcon
          data-testid="decided-elsewhere"
          title={t('review.decidedElsewhere')}
          description={[
            decidedElsewhere,
            lastDecision
              ? t('review.decidedBy', {
                  name: lastDecision.actorName ?? '',
                  time: formatDateTime(lastDecision.occurredAt),
                })
              : '',
          ]
            .filter(Boolean)
            .join(' ')}
        />
      )}
      {!pending && <StatusBanner declaration={declaration} onBehalf={false} />}

      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 4 }}
          items={[
            {
              key: 'submitted',
              label: t('review.submittedAt'),
              children: formatDateTime(declaration.submittedAt),
            },
            {
              key: 'current',
              label: t('review.currentAgency'),
              children: declaration.currentAgency?.name ?? '—',
            },
            {
              key: 'target',
              label: t('review.targetUnit'),
              children: (
                <>
                  {target} {declaration.isTransfer && <Tag color="purple">{t('review.transfer')}</Tag>}
                </>
              ),
            },
            {
              key: 'base',
              label: t('review.baseVersion'),
              children:
                baseVersionNo === null
                  ? t('review.noBase')
                  : t('versions.title', { versionNo: baseVersionNo }),
            },
          ]}
        />
      </Card>

      {pending && problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('review.problemsTitle', { count: problems.length })}
          description={
            <List
              size="small"
              dataSource={problems}
              renderItem={(problem) => (
                <List.Item style={{ paddingInline: 0 }}>{`${problem.label}: ${problem.message}`}</List.Item>
              )}
            />
          }
        />
      )}

      {pending && (
        <Flex gap={8}>
          <Popconfirm
            title={t('review.approveConfirm', { name: declaration.personName })}
            okText={t('review.approve')}
            cancelText={t('review.cancel')}
            onConfirm={() => send({ decision: 'approve', rowVersion: declaration.rowVersion })}
          >
            <Button type="primary" icon={<CheckOutlined />} loading={busy} disabled={problems.length > 0}>
              {t('review.approve')}
            </Button>
          </Popconfirm>
          <Button danger icon={<RollbackOutlined />} disabled={busy} onClick={() => setReturning(true)}>
            {t('review.return')}
          </Button>
        </Flex>
      )}

      <Card>
        <Tabs
          items={[
            {
              key: 'diff',
              label: t('review.changesTab'),
              children: <DiffView diff={diff} firstDeclaration={baseVersionNo === null} />,
            },
            { key: 'full', label: t('review.fullTab'), children: <RecordView data={declaration.data} /> },
            {
              key: 'events',
              label: t('page.events'),
              children: <DeclarationEvents declaration={declaration} />,
            },
          ]}
        />
      </Card>

      <Modal
        open={returning}
        title={t('review.returnTitle', { name: declaration.personName })}
        okText={t('review.return')}
        okButtonProps={{ danger: true, loading: busy }}
        cancelText={t('review.cancel')}
        onOk={() => void confirmReturn()}
        onCancel={() => setReturning(false)}
        destroyOnHidden
      >
        <Form form={reasonForm} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={t('review.reason')}
            rules={[
              { required: true, whitespace: true, message: t('review.reasonRequired') },
              { max: REASON_MAX, message: t('review.reasonTooLong', { max: REASON_MAX }) },
            ]}
          >
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 8 }}
              showCount
              maxLength={REASON_MAX}
              placeholder={t('review.reasonPlaceholder')}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
