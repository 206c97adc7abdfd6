import { Card, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { limits } from '../../../../common/limits.ts';
import { AsOfDatePicker, useAsOfParam } from '../../components/AsOfDatePicker.tsx';
import { formatDate } from '../../format/dates.ts';
import { formatCount } from '../../format/numbers.ts';
import { positiveIntParam } from '../../format/search-params.ts';
import { LoadErrorResult, NotFoundPage } from '../StatusPages.tsx';
import { ExportButton } from '../search/export/ExportButton.tsx';
import { CvArchiveButton } from './CvArchiveButton.tsx';
import { type PeoplePage, useUnit, useUnitPeople } from './org-api.ts';
import { UnitBreadcrumb } from './UnitBreadcrumb.tsx';

type Person = PeoplePage['items'][number];

const DEFAULT_PAGE_SIZE = 50;

/**
 * Lists the people of a unit, sorted the Vietnamese way by the server (given name, middle names, family
 * name) and paged. `?direct=true` lists only those attached to the unit itself ("Chi tiết" of a
 * division); without it, every record of the unit ("Xem").
 */
export default function UnitPeoplePage() {
  const { t } = useTranslation('org');
  const unitId = Number(useParams().id);
  const [searchParams, setSearchParams] = useSearchParams();
  const [asOf, setAsOf] = useAsOfParam();
  const direct = searchParams.get('direct') === 'true';
  const page = positiveIntParam(searchParams.get('page'), 1);
  const pageSize = positiveIntParam(searchParams.get('pageSize'), DEFAULT_PAGE_SIZE, limits.pageSizeMax);

  const unit = useUnit(unitId);
  const people = useUnitPeople(unitId, { direct, page, pageSize, asOf });

  if (!Number.isInteger(unitId) || unitId <= 0) return <NotFoundPage />;
  if (people.isError) return <LoadErrorResult error={people.error} onRetry={() => void people.refetch()} />;

  function changePage(nextPage: number, nextPageSize: number) {
    setSearchParams((previous) => {
      const params = new URLSearchParams(previous);
      params.set('page', String(nextPageSize === pageSize ? nextPage : 1));
      params.set('pageSize', String(nextPageSize));
      return params;
    });
  }

  const columns: TableColumnsType<Person> = [
    {
      title: t('common:table.index'),
      key: 'index',
      width: 64,
      align: 'right',
      render: (_value, _row, index) => (page - 1) * pageSize + index + 1,
    },
    {
      title: t('people.fullName'),
      dataIndex: 'fullName',
      render: (name: string, person) => <Link to={`/people/${person.id}/record`}>{name}</Link>,
    },
    {
      title: t('people.gender'),
      dataIndex: 'gender',
      width: 100,
      render: (gender: Person['gender']) => (gender ? t(`people.${gender}`) : ''),
    },
    {
      title: t('people.birthDate'),
      dataIndex: 'birthDate',
      width: 120,
      render: (date: string | null) => formatDate(date),
    },
    { title: t('people.agency'), dataIndex: 'agencyName' },
    { title: t('people.division'), dataIndex: 'divisionName', render: (name: string | null) => name ?? '' },
  ];

  const unitLabel = unit.data
    ? unit.data.name
      ? `${unit.data.name} (${unit.data.code})`
      : unit.data.code
    : '';

  return (
    <>
      <UnitBreadcrumb unit={unit.data} asOf={asOf} />
      <Card
        title={
          <Flex vertical>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('people.title')}
            </Typography.Title>
            <Typography.Text type="secondary">
              {t(direct ? 'people.direct' : 'people.all', { unit: unitLabel })}
            </Typography.Text>
          </Flex>
        }
        extra={
          <Flex gap={12} align="center">
            <AsOfDatePicker value={asOf} onChange={setAsOf} />
            <ExportButton
              path={`/api/units/${unitId}/people/export`}
              body={{ asOf, direct: direct || undefined }}
            />
            <CvArchiveButton unitId={unitId} />
          </Flex>
        }
      >
        <Table<Person>
          size="middle"
          rowKey="id"
          columns={columns}
          dataSource={people.data?.items ?? []}
          loading={people.isFetching}
          locale={{ emptyText: t('people.empty') }}
          pagination={{
            current: page,
            pageSize,
            total: people.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total, [from, to]) =>
              t('common:table.range', {
                from: formatCount(from),
                to: formatCount(to),
                total: formatCount(total),
              }),
            onChange: changePage,
          }}
        />
      </Card>
    </>
  );
}
