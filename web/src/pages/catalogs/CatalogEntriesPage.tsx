import { ArrowLeftOutlined, FileAddOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Input,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { todayIso } from '../../../../common/dates.ts';
import { catalogNames } from '../../../../common/schemas/catalogs.ts';
import { AsOfDatePicker, useAsOfParam } from '../../components/AsOfDatePicker.tsx';
import { formatDate } from '../../format/dates.ts';
import { formatCount } from '../../format/numbers.ts';
import { holdsRole } from '../../session/roles.ts';
import { useSignedInSession } from '../../session/SessionProvider.tsx';
import { LoadErrorResult, NotFoundPage } from '../StatusPages.tsx';
import { CatalogRequestModal } from './CatalogRequestModal.tsx';
import { catalogLabel } from './catalog-labels.ts';
import {
  type CatalogEntry,
  type CatalogName,
  useCatalogChanged,
  useCatalogEntries,
  useCatalogRequestsChanged,
} from './catalogs-api.ts';
import { EndEntryModal } from './EndEntryModal.tsx';
import { EntryDetails } from './EntryDetails.tsx';
import { EntryFormModal } from './EntryFormModal.tsx';

function isCatalogName(value: string | undefined): value is CatalogName {
  return catalogNames.includes(value as CatalogName);
}

/** Formats the legal document of an entry as one line: "number ngày dd/mm/yyyy", or the citation. */
export function legalText(
  number: string | null,
  date: string | null,
  basis: string | null,
  dateWord: string,
): string {
  if (number) return date ? `${number} ${dateWord} ${formatDate(date)}` : number;
  return basis ?? '';
}

function EntryStateTags({ entry, onDate }: { entry: CatalogEntry; onDate: string }) {
  const { t } = useTranslation('catalogs');
  const tags = [];
  if (entry.validTo && entry.validTo <= onDate) tags.push(<Tag key="ended">{t('entryState.ended')}</Tag>);
  else if (entry.validFrom && entry.validFrom > onDate)
    tags.push(
      <Tag key="future" color="blue">
        {t('entryState.future')}
      </Tag>,
    );
  else
    tags.push(
      <Tag key="inForce" color="green">
        {t('entryState.inForce')}
      </Tag>,
    );
  if (entry.status === 'legacy')
    tags.push(
      <Tag key="legacy" color="orange">
        {t('entryStatus.legacy')}
      </Tag>,
    );
  return (
    <Flex gap={4} wrap>
      {tags}
    </Flex>
  );
}

/**
 * The entries of one catalog in force on a date, searched by code or name with tone marks
 * optional, optionally with the entries that ended or start later. SNV adds, edits and ends
 * entries; a unit admin requests a missing one.
 */
export default function CatalogEntriesPage() {
  const { t } = useTranslation('catalogs');
  const { message } = App.useApp();
  const catalogParam = useParams().catalog;
  const session = useSignedInSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const [asOf, setAsOf] = useAsOfParam();
  const q = (searchParams.get('q') ?? '').slice(0, 200);
  const includeEnded = searchParams.get('ended') === 'true';
  const knownCatalog = isCatalogName(catalogParam);
  // The hooks run before the unknown-catalog check below; the query waits for a known name.
  const catalog = knownCatalog ? catalogParam : catalogNames[0];
  const entries = useCatalogEntries(catalog, { q, onDate: asOf, includeEnded }, knownCatalog);
  const catalogChanged = useCatalogChanged();
  const requestsChanged = useCatalogRequestsChanged();
  const isProvinceAdmin = holdsRole(session, 'province_admin');
  const isUnitAdmin = holdsRole(session, 'unit_admin');

  const [editing, setEditing] = useState<CatalogEntry | 'new' | null>(null);
  const [ending, setEnding] = useState<CatalogEntry | null>(null);
  const [requesting, setRequesting] = useState(false);

  if (!knownCatalog) return <NotFoundPage />;
  const onDate = asOf ?? todayIso();

  function setParam(key: string, value: string | undefined) {
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  }

  const columns: TableColumnsType<CatalogEntry> = [
    { title: t('fields.code'), dataIndex: 'code', width: 140 },
    { title: t('fields.name'), dataIndex: 'name' },
    {
      title: t('fields.validFrom'),
      dataIndex: 'validFrom',
      width: 130,
      render: (date: string | null) => formatDate(date),
    },
    {
      title: t('fields.validTo'),
      dataIndex: 'validTo',
      width: 130,
      render: (date: string | null) => formatDate(date),
    },
    {
      title: t('fields.legalDocument'),
      key: 'legal',
      render: (_value, entry) =>
        legalText(entry.legalDocumentNumber, entry.legalDocumentDate, entry.legalBasis, t('entry.dateWord')),
    },
    {
      title: t('fields.status'),
      key: 'state',
      width: 170,
      render: (_value, entry) => <EntryStateTags entry={entry} onDate={onDate} />,
    },
  ];
  if (isProvinceAdmin) {
    columns.push({
      title: '',
      key: 'actions',
      width: 200,
      render: (_value, entry) => (
        <Flex gap={4}>
          <Button size="small" onClick={() => setEditing(entry)}>
            {t('entry.edit')}
          </Button>
          <Button size="small" danger disabled={entry.validTo !== null} onClick={() => setEnding(entry)}>
            {t('end.button')}
          </Button>
        </Flex>
      ),
    });
  }

  return (
    <Flex vertical gap={16}>
      <Link to="/catalogs">
        <ArrowLeftOutlined /> {t('list.title')}
      </Link>
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }}>
            {catalogLabel(catalog)}
          </Typography.Title>
        }
        extra={
          <Flex gap={8}>
            {isProvinceAdmin && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('entry.add')}
              </Button>
            )}
            {isUnitAdmin && (
              <Button icon={<FileAddOutlined />} onClick={() => setRequesting(true)}>
                {t('request.button')}
              </Button>
            )}
          </Flex>
        }
      >
        <Flex vertical gap={16}>
          <Flex gap={16} wrap align="center">
            <Input.Search
              key={q}
              defaultValue={q}
              allowClear
              style={{ width: 380 }}
              maxLength={200}
              placeholder={t('entries.search')}
              aria-label={t('entries.search')}
              onSearch={(value) => setParam('q', value.trim() || undefined)}
            />
            <AsOfDatePicker value={asOf} onChange={setAsOf} />
            <Checkbox
              checked={includeEnded}
              onChange={(event) => setParam('ended', event.target.checked ? 'true' : undefined)}
            >
              {t('entries.includeEnded')}
            </Checkbox>
          </Flex>
          {entries.isError ? (
            <LoadErrorResult error={entries.error} onRetry={() => void entries.refetch()} />
          ) : (
            <Table<CatalogEntry>
              size="middle"
              rowKey="id"
              columns={columns}
              dataSource={entries.data ?? []}
              loading={entries.isFetching}
              locale={{ emptyText: t('entries.empty') }}
              expandable={{ expandedRowRender: (entry) => <EntryDetails catalog={catalog} entry={entry} /> }}
              pagination={{
                defaultPageSize: 50,
                showSizeChanger: true,
                pageSizeOptions: [20, 50, 100, 200],
                showTotal: (total, range) =>
                  t('common:table.range', {
                    from: formatCount(range[0]),
                    to: formatCount(range[1]),
                    total: formatCount(total),
                  }),
              }}
            />
          )}
        </Flex>
      </Card>
      {isProvinceAdmin && (
        <>
          <EntryFormModal
            key={editing === null || editing === 'new' ? 'new' : editing.id}
            catalog={catalog}
            entry={editing === 'new' ? null : editing}
            open={editing !== null}
            onClose={() => setEditing(null)}
            onSaved={(entry) => {
              setEditing(null);
              void catalogChanged(catalog);
              message.success(t('entry.saved', { code: entry.code }));
            }}
          />
          <EndEntryModal
            catalog={catalog}
            entry={ending}
            onClose={() => setEnding(null)}
            onEnded={(entry) => {
              setEnding(null);
              void catalogChanged(catalog);
              message.success(t('end.done', { code: entry.code, date: formatDate(entry.validTo) }));
            }}
          />
        </>
      )}
      {isUnitAdmin && (
        <CatalogRequestModal
          open={requesting}
          catalog={catalog}
          onClose={() => setRequesting(false)}
          onCreated={() => {
            setRequesting(false);
            void requestsChanged();
            message.success(t('request.done'));
          }}
        />
      )}
    </Flex>
  );
}
