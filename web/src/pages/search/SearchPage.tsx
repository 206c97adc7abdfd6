import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Input, Select, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { limits } from '../../../../common/limits.ts';
import { searchTextMaxLength } from '../../../../common/schemas/search-limits.ts';
import { foldForSearch } from '../../../../common/vietnamese.ts';
import { api } from '../../api/client.ts';
import { positiveIntParam } from '../../format/search-params.ts';
import { type UnitTreeNode, useUnitTree } from '../org/org-api.ts';
import { LoadErrorResult } from '../StatusPages.tsx';
import { ExportButton } from './export/ExportButton.tsx';
import { PersonTable } from './PersonTable.tsx';
import { useSearchPeople } from './search-api.ts';

const DEFAULT_PAGE_SIZE = 50;

interface CatalogOption {
  code: string;
  name: string;
}

interface TreeOption {
  value: number;
  title: string;
  children: TreeOption[];
}

function treeOptions(nodes: UnitTreeNode[]): TreeOption[] {
  return nodes.map((node) => ({
    value: node.id,
    title: `${node.code} ${node.name}`,
    children: treeOptions(node.children),
  }));
}

/** Grades and professional titles valid today, for the grade filter. */
function useRankOptions() {
  return useQuery({
    queryKey: ['rank-options'],
    staleTime: 10 * 60_000,
    queryFn: async ({ signal }) => {
      const [grades, titles] = await Promise.all([
        api.get<CatalogOption[]>('/api/catalogs/grades', { limit: 5_000 }, signal),
        api.get<CatalogOption[]>('/api/catalogs/professional_titles', { limit: 5_000 }, signal),
      ]);
      return [...grades, ...titles].map((entry) => ({
        value: entry.code,
        label: `${entry.code} ${entry.name}`,
      }));
    },
  });
}

/**
 * "Tìm kiếm hồ sơ": one box for a name (tone marks optional), an employee code or a whole ID
 * number, with optional unit and grade filters. The server returns only the people the viewer
 * may open, in Vietnamese name order, and exports the same list to Excel.
 */
export default function SearchPage() {
  const { t } = useTranslation('search');
  const [searchParams, setSearchParams] = useSearchParams();
  const q = (searchParams.get('q') ?? '').slice(0, searchTextMaxLength);
  const unitParam = Number(searchParams.get('unitId'));
  const unitId = Number.isInteger(unitParam) && unitParam > 0 ? unitParam : undefined;
  const rankCode = searchParams.get('rankCode') || undefined;
  const page = positiveIntParam(searchParams.get('page'), 1);
  const pageSize = positiveIntParam(searchParams.get('pageSize'), DEFAULT_PAGE_SIZE, limits.pageSizeMax);

  const people = useSearchPeople({ q, unitId, rankCode, page, pageSize });
  const tree = useUnitTree(undefined);
  const ranks = useRankOptions();
  const units = useMemo(() => treeOptions(tree.data ?? []), [tree.data]);

  function update(changes: Record<string, string | undefined>) {
    setSearchParams((previous) => {
      const params = new URLSearchParams(previous);
      for (const [key, value] of Object.entries(changes)) {
        if (value) params.set(key, value);
        else params.delete(key);
      }
      if (!('page' in changes)) params.delete('page');
      return params;
    });
  }

  return (
    <Card
      title={
        <Flex vertical>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('hint')}</Typography.Text>
        </Flex>
      }
      extra={<ExportButton path="/api/search/people/export" body={{ q: q || undefined, unitId, rankCode }} />}
    >
      <Flex vertical gap={16}>
        <Input.Search
          key={q}
          defaultValue={q}
          allowClear
          enterButton={t('searchButton')}
          size="large"
          maxLength={searchTextMaxLength}
          placeholder={t('placeholder')}
          aria-label={t('placeholder')}
          onSearch={(value) => update({ q: value.trim() || undefined })}
        />
        <Flex gap={12} wrap>
          <TreeSelect
            style={{ minWidth: 320 }}
            allowClear
            showSearch
            treeNodeFilterProp="title"
            filterTreeNode={(input, node) =>
              foldForSearch(String(node.title ?? '')).includes(foldForSearch(input))
            }
            placeholder={t('filters.unit')}
            aria-label={t('filters.unit')}
            treeData={units}
            value={unitId}
            loading={tree.isPending}
            onChange={(value: number | undefined) => update({ unitId: value ? String(value) : undefined })}
          />
          <Select
            style={{ minWidth: 320 }}
            allowClear
            showSearch
            placeholder={t('filters.rank')}
            aria-label={t('filters.rank')}
            options={ranks.data ?? []}
            loading={ranks.isPending}
            filterOption={(input, option) =>
              foldForSearch(String(option?.label ?? '')).includes(foldForSearch(input))
            }
            value={rankCode}
            onChange={(value: string | undefined) => update({ rankCode: value })}
          />
        </Flex>
        {people.isError ? (
          <LoadErrorResult error={people.error} onRetry={() => void people.refetch()} />
        ) : (
          <PersonTable
            data={people.data}
            loading={people.isFetching}
            page={page}
            pageSize={pageSize}
            emptyText={t('empty')}
            onPageChange={(nextPage, nextPageSize) =>
              update({
                page: String(nextPageSize === pageSize ? nextPage : 1),
                pageSize: String(nextPageSize),
              })
            }
          />
        )}
        {people.data && !people.data.fullIdNumbers ? (
          <Typography.Text type="secondary">{t('maskedNote')}</Typography.Text>
        ) : null}
      </Flex>
    </Card>
  );
}
