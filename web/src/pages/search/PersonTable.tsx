import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format/dates.ts';
import { formatCount } from '../../format/numbers.ts';
import type { PersonSummary, PersonSummaryPage } from './search-api.ts';

export interface PersonTableProps {
  data: PersonSummaryPage | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  emptyText: string;
}

/**
 * Renders a page of people in the server's order (Vietnamese name order), with the ID number
 * masked unless the viewer's role receives it whole.
 */
export function PersonTable({ data, loading, page, pageSize, onPageChange, emptyText }: PersonTableProps) {
  const { t } = useTranslation('search');

  const columns: TableColumnsType<PersonSummary> = [
    {
      title: t('common:table.index'),
      key: 'index',
      width: 64,
      align: 'right',
      render: (_value, _row, index) => (page - 1) * pageSize + index + 1,
    },
    { title: t('columns.fullName'), dataIndex: 'fullName', width: 190 },
    {
      title: t('columns.gender'),
      dataIndex: 'gender',
      width: 90,
      render: (gender: PersonSummary['gender']) => (gender ? t(`gender.${gender}`) : ''),
    },
    {
      title: t('columns.birthDate'),
      dataIndex: 'birthDate',
      width: 115,
      render: (date: string | null) => formatDate(date),
    },
    { title: t('columns.employeeCode'), dataIndex: 'employeeCode', width: 130 },
    { title: t('columns.personalIdNumber'), dataIndex: 'personalIdNumber', width: 150 },
    { title: t('columns.agency'), dataIndex: 'agencyName', render: (name: string | null) => name ?? '' },
    { title: t('columns.division'), dataIndex: 'divisionName', render: (name: string | null) => name ?? '' },
    {
      title: t('columns.rank'),
      key: 'rank',
      width: 170,
      render: (_value, person) => person.rankName ?? person.rankCode ?? '',
    },
    { title: t('columns.position'), dataIndex: 'positionName', render: (name: string | null) => name ?? '' },
  ];

  return (
    <Table<PersonSummary>
      size="middle"
      rowKey="id"
      scroll={{ x: 1400 }}
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      locale={{ emptyText }}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (total, [from, to]) =>
          t('common:table.range', {
            from: formatCount(from),
            to: formatCount(to),
            total: formatCount(total),
          }),
        onChange: onPageChange,
      }}
    />
  );
}
