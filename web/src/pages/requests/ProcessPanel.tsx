import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { applyFieldErrors, describeError } from '../../api/errors.ts';
import { filterByLabel } from './form-fields.tsx';
import {
  type CreatedAccount,
  type RequestWithHistory,
  useAgencyAccounts,
  useProcess,
  useSetStatus,
} from './requests-api.ts';

/** People of the province with the name of the person transferring in, for SNV to pick the record. */
function usePeopleNamed(fullName: string, enabled: boolean) {
  return useQuery({
    enabled: enabled && fullName.length > 0,
    queryKey: ['people-named', fullName],
    queryFn: async ({ signal }) => {
      const page = await api.get<{
        items: Array<{ id: number; fullName: string; agencyName: string | null; birthDate: string | null }>;
      }>('/api/search/people', { q: fullName, pageSize: 50 }, signal);
      return page.items;
    },
  });
}

function downloadPasswords(accounts: CreatedAccount[]): void {
  const lines = [
    'Họ và tên,Thư điện tử công vụ,Mật khẩu mặc định',
    ...accounts.map((account) => `"${account.displayName}",${account.email},${account.initialPassword}`),
  ];
  const url = URL.createObjectURL(
    new Blob([`\uFEFF${lines.join('\r\n')}`], { type: 'text/csv;charset=utf-8' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = 'tai-khoan-moi.csv';
  link.click();
  URL.revokeObjectURL(url);
}

/** SNV's actions on an open request: take it up, reject it with a reason, or apply and close it. */
export function ProcessPanel({ request }: { request: RequestWithHistory }) {
  const { t } = useTranslation('requests');
  const { message } = App.useApp();
  const setStatus = useSetStatus(request.id);
  const process = useProcess(request.id);
  const [rejecting, setRejecting] = useState(false);
  const [processing, setProcessing] = useState(false);
  const [created, setCreated] = useState<CreatedAccount[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [rejectForm] = Form.useForm();
  const [processForm] = Form.useForm();

  const details = request.details as { fullName?: string; fromUnitId?: number };
  const isTransfer = request.kind === 'transfer_in';
  const leavingAgencyId = isTransfer
    ? details.fromUnitId
    : request.kind === 'reduction'
      ? request.agency.id
      : undefined;
  const people = usePeopleNamed(details.fullName ?? '', isTransfer && processing);
  const accounts = useAgencyAccounts(processing ? leavingAgencyId : undefined);

  const take = () =>
    setStatus.mutate(
      { status: 'in_progress', rowVersion: request.rowVersion },
      { onError: (error) => void message.error(describeError(error)) },
    );

  const reject = async (values: { comment: string }) => {
    try {
      await setStatus.mutateAsync({
        status: 'rejected',
        rowVersion: request.rowVersion,
        comment: values.comment,
      });
      setRejecting(false);
    } catch (error) {
      applyFieldErrors(rejectForm, error);
      void message.error(describeError(error));
    }
  };

  const finish = async (values: {
    note?: string;
    personId?: number;
    email?: string;
    replacementApproverAccountId?: number;
  }) => {
    setFailure(null);
    try {
      const body = Object.fromEntries(
        Object.entries(values).filter(([, value]) => value !== undefined && value !== ''),
      );
      const result = await process.mutateAsync({ rowVersion: request.rowVersion, ...body });
      setProcessing(false);
      setCreated(result.createdAccounts);
      void message.success(t('actions.done', { id: request.id }));
    } catch (error) {
      const unmatched = applyFieldErrors(processForm, error);
      setFailure(unmatched.length ? unmatched.map((field) => field.message).join(' ') : describeError(error));
    }
  };

  return (
    <>
      <Space wrap>
        {request.status === 'new' && (
          <Button onClick={take} loading={setStatus.isPending}>
            {t('actions.take')}
          </Button>
        )}
        <Button type="primary" onClick={() => setProcessing(true)}>
          {t('actions.process')}
        </Button>
        <Button danger onClick={() => setRejecting(true)}>
          {t('actions.reject')}
        </Button>
      </Space>

      <Modal
        open={rejecting}
        title={t('actions.reject')}
        okText={t('actions.reject')}
        okButtonProps={{ danger: true, loading: setStatus.isPending }}
        onOk={() => rejectForm.submit()}
        onCancel={() => setRejecting(false)}
        destroyOnHidden
      >
        <Form form={rejectForm} layout="vertical" onFinish={(values) => void reject(values)}>
          <Form.Item
            name="comment"
            label={t('actions.rejectReason')}
            extra={t('actions.rejectHint')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={4} maxLength={4_000} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={processing}
        title={t('actions.processTitle')}
        okText={t('actions.process')}
        okButtonProps={{ loading: process.isPending }}
        onOk={() => processForm.submit()}
        onCancel={() => setProcessing(false)}
        destroyOnHidden
        width={640}
      >
        <Form form={processForm} layout="vertical" onFinish={(values) => void finish(values)}>
          {request.kind === 'org_mismatch' && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('actions.orgMismatchHint')}
              description={
                <Link to={`/reorganisation?requestId=${request.id}`}>{t('actions.openReorganisation')}</Link>
              }
            />
          )}
          {isTransfer && (
            <>
              <Form.Item name="personId" label={t('actions.person')}>
                <Select
                  allowClear
                  showSearch
                  filterOption={filterByLabel}
                  loading={people.isPending}
                  options={(people.data ?? []).map((person) => ({
                    value: person.id,
                    label: `${person.fullName} — ${person.agencyName ?? ''}`,
                  }))}
                />
              </Form.Item>
              <Form.Item name="email" label={t('actions.email')} rules={[{ type: 'email' }]}>
                <Input />
              </Form.Item>
            </>
          )}
          {leavingAgencyId !== undefined && (
            <Form.Item
              name="replacementApproverAccountId"
              label={t('actions.replacement')}
              extra={t('actions.replacementHint')}
            >
              <Select
                allowClear
                showSearch
                filterOption={filterByLabel}
                options={(accounts.data ?? []).map((account) => ({
                  value: account.id,
                  label: `${account.displayName} (${account.email})`,
                }))}
              />
            </Form.Item>
          )}
          <Form.Item name="note" label={t('actions.processNote')}>
            <Input.TextArea rows={3} maxLength={4_000} />
          </Form.Item>
          {failure && <Alert type="error" showIcon title={failure} />}
        </Form>
      </Modal>

      <Modal
        open={created.length > 0}
        title={t('actions.createdAccounts')}
        onCancel={() => setCreated([])}
        onOk={() => setCreated([])}
        width={720}
      >
        <Typography.Paragraph type="warning">{t('actions.createdAccountsHint')}</Typography.Paragraph>
        <Table<CreatedAccount>
          size="small"
          rowKey="accountId"
          pagination={false}
          dataSource={created}
          columns={[
            { title: t('form.recruitment.fullName'), dataIndex: 'displayName' },
            { title: t('form.recruitment.email'), dataIndex: 'email' },
            {
              title: t('actions.initialPassword'),
              dataIndex: 'initialPassword',
              render: (value: string) => (
                <Typography.Text code copyable>
                  {value}
                </Typography.Text>
              ),
            },
          ]}
        />
        <Button style={{ marginTop: 12 }} onClick={() => downloadPasswords(created)}>
          {t('actions.downloadPasswords')}
        </Button>
      </Modal>
    </>
  );
}
