import { App, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { type RequestKind, requestKinds } from '../../../../common/schemas/requests.ts';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { useFilingAgencies } from './filing-agencies.ts';
import { RequestForm } from './RequestForm.tsx';
import { useCreateRequest } from './requests-api.ts';

/** "Lập đề nghị": files one request to SNV and opens it. ?kind= preselects the kind. */
export default function NewRequestPage() {
  const { t } = useTranslation('requests');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const { agencies, loading } = useFilingAgencies();
  const create = useCreateRequest();
  const requestedKind = searchParams.get('kind');
  const initialKind = requestKinds.includes(requestedKind as RequestKind)
    ? (requestedKind as RequestKind)
    : 'reduction';

  if (loading) return <PageSpinner />;
  return (
    <Card title={t('form.title')}>
      <RequestForm
        agencies={agencies}
        initialKind={initialKind}
        submitLabel={t('form.submit')}
        onSubmit={async (body) => {
          const created = await create.mutateAsync(body);
          void message.success(t('form.created', { id: created.id }));
          void navigate(`/requests/${created.id}`);
        }}
      />
    </Card>
  );
}
