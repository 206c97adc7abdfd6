import { EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Col, Flex, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { describeError } from '../../api/errors.ts';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { RecordView } from '../records/RecordView.tsx';
import { VersionHistory } from '../records/VersionHistory.tsx';
import { LoadErrorResult, NotFoundPage } from '../StatusPages.tsx';
import { DeclarationEditor } from './DeclarationEditor.tsx';
import { DeclarationEvents } from './DeclarationEvents.tsx';
import {
  type Declaration,
  declarationCalls,
  declarationQueryKey,
  type MyDeclaration,
  useMyDeclaration,
} from './declarations-api.ts';
import { StatusBanner } from './StatusBanner.tsx';

const OPEN = new Set(['draft', 'submitted', 'returned']);

/**
 * Shows the phiếu thông tin cá nhân: the person's own (/declaration) or a member's, kept by a unit
 * admin on the person's behalf (/people/:id/declaration). Without an open declaration it shows
 * the outcome of the last one and starts a new draft from the official record.
 */
export default function DeclarationPage() {
  const { t } = useTranslation('declarations');
  const { message } = AntApp.useApp();
  const params = useParams();
  const personId = params.id === undefined ? undefined : Number(params.id);
  const onBehalf = personId !== undefined;
  const queryClient = useQueryClient();
  const query = useMyDeclaration(personId);
  const [editorGeneration, setEditorGeneration] = useState(0);
  const [starting, setStarting] = useState(false);

  if (personId !== undefined && !(Number.isInteger(personId) && personId > 0)) return <NotFoundPage />;
  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <LoadErrorResult error={query.error} onRetry={() => void query.refetch()} />;

  const { open, lastDecided } = query.data;
  const shown = open ?? lastDecided;
  const recordLink = onBehalf ? `/people/${personId}/record` : '/record';

  function replace(next: Declaration) {
    queryClient.setQueryData<MyDeclaration>(declarationQueryKey(personId), (previous) =>
      OPEN.has(next.status)
        ? { open: next, lastDecided: previous?.lastDecided ?? null }
        : { open: null, lastDecided: next },
    );
    setEditorGeneration((value) => value + 1);
    void queryClient.invalidateQueries({ queryKey: ['record-versions'] });
  }

  async function reload() {
    await query.refetch();
    setEditorGeneration((value) => value + 1);
  }

  async function start() {
    setStarting(true);
    try {
      replace(await declarationCalls.start(personId));
    } catch (error) {
      message.error(describeError(error));
    } finally {
      setStarting(false);
    }
  }

  const personName = shown?.personName ?? '';
  return (
    <Flex vertical gap={16}>
      <Flex vertical>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('page.title')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {onBehalf ? t('page.subtitleOnBehalf', { name: personName }) : t('page.subtitle')} ·{' '}
          <Link to={recordLink}>{t('page.openRecord')}</Link>
        </Typography.Text>
      </Flex>

      {shown && <StatusBanner declaration={shown} onBehalf={onBehalf} />}

      {open?.status === 'submitted' && (
        <Card>
          <Flex vertical gap={8}>
            <Typography.Text type="secondary" data-testid="read-only-note">
              {t('editor.readOnly')}
            </Typography.Text>
            <RecordView data={open.data} />
          </Flex>
        </Card>
      )}
      {open && open.status !== 'submitted' && (
        <Card>
          <DeclarationEditor
            key={`${open.id}-${editorGeneration}`}
            personId={personId}
            declaration={open}
            onReplaced={replace}
            onReload={() => void reload()}
          />
        </Card>
      )}
      {!open && (
        <Card>
          <Flex vertical gap={12} align="flex-start">
            <Typography.Paragraph style={{ margin: 0 }}>
              {onBehalf ? t('page.startHintOnBehalf') : t('page.startHint')}
            </Typography.Paragraph>
            <Button type="primary" icon={<EditOutlined />} loading={starting} onClick={() => void start()}>
              {onBehalf ? t('page.startOnBehalf') : t('page.start')}
            </Button>
          </Flex>
        </Card>
      )}

      <Row gutter={16}>
        {shown && (
          <Col xs={24} lg={12}>
            <Card title={t('page.events')} size="small">
              <DeclarationEvents declaration={shown} />
            </Card>
          </Col>
        )}
        <Col xs={24} lg={12}>
          <Card title={t('page.versions')} size="small">
            <VersionHistory personId={personId} />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
