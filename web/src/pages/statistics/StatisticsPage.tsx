import { Card, Col, Flex, Row, Statistic, Tabs, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { foldForSearch } from '../../../../common/vietnamese.ts';
import { AsOfDatePicker, useAsOfParam } from '../../components/AsOfDatePicker.tsx';
import { PageSpinner } from '../../components/PageSpinner.tsx';
import { formatDate } from '../../format/dates.ts';
import { formatCount } from '../../format/numbers.ts';
import { type UnitTreeNode, useUnitTree } from '../org/org-api.ts';
import { LoadErrorResult } from '../StatusPages.tsx';
import { ExportButton } from '../search/export/ExportButton.tsx';
import { AgePyramid } from './charts/AgePyramid.tsx';
import { type BarItem, BucketBars } from './charts/BucketBars.tsx';
import { DashboardTable } from './DashboardTable.tsx';
import { ReportTable } from './ReportTable.tsx';
import {
  bucketLabel,
  dimensionLabel,
  drillDownLink,
  type QualityStatistics,
  type StatisticsParams,
  useDashboard,
  useQualityStatistics,
} from './statistics-api.ts';

// Buckets for missing data, drawn grey in the charts.
const MISSING = ['unknown', 'none', 'other'];
const HIGHLIGHTS = [
  { key: 'party:member', labelKey: 'highlights.party' },
  { key: 'gender:female', labelKey: 'highlights.women' },
  { key: 'ethnicity:minority', labelKey: 'highlights.minority' },
  { key: 'religion:religious', labelKey: 'highlights.religious' },
] as const;

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

function barsOf(statistics: QualityStatistics, dimensionId: string, params: StatisticsParams): BarItem[] {
  const dimension = statistics.dimensions.find((item) => item.id === dimensionId);
  return (dimension?.buckets ?? []).map((bucket) => ({
    key: bucket.id,
    label: bucketLabel(dimensionId, bucket.id, bucket.label),
    count: bucket.count,
    link: drillDownLink({
      unitId: statistics.unit.id,
      asOf: params.asOf,
      buckets: `${dimensionId}:${bucket.id}`,
    }),
  }));
}

function countOf(statistics: QualityStatistics, key: string): number {
  const [dimensionId, bucketId] = key.split(':');
  return (
    statistics.dimensions
      .find((item) => item.id === dimensionId)
      ?.buckets.find((bucket) => bucket.id === bucketId)?.count ?? 0
  );
}

function ChartsTab({ statistics, params }: { statistics: QualityStatistics; params: StatisticsParams }) {
  const { t } = useTranslation('statistics');
  const linkOf = (buckets?: string) =>
    drillDownLink({ unitId: statistics.unit.id, asOf: params.asOf, buckets });
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <Flex gap={32} wrap>
          <Statistic
            title={t('total')}
            value={statistics.total}
            formatter={() => <Link to={linkOf()}>{formatCount(statistics.total)}</Link>}
          />
          {HIGHLIGHTS.map((item) => (
            <Statistic
              key={item.key}
              title={t(item.labelKey)}
              value={countOf(statistics, item.key)}
              formatter={() => (
                <Link to={linkOf(item.key)}>{formatCount(countOf(statistics, item.key))}</Link>
              )}
            />
          ))}
        </Flex>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('charts.education')}>
          <BucketBars
            items={barsOf(statistics, 'education', params)}
            total={statistics.total}
            muted={MISSING}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('charts.rankLevel')}>
          <BucketBars
            items={barsOf(statistics, 'rank_level', params)}
            total={statistics.total}
            muted={MISSING}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('charts.pyramid')}>
          <AgePyramid
            bands={statistics.ageByGender.filter((band) => band.ageBand !== 'unknown')}
            linkFor={(ageBand, gender) => linkOf(`age_band:${ageBand},gender:${gender}`)}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('charts.employmentType')}>
          <BucketBars
            items={barsOf(statistics, 'employment_type', params)}
            total={statistics.total}
            muted={MISSING}
          />
        </Card>
      </Col>
    </Row>
  );
}

function DimensionsTab({ statistics, params }: { statistics: QualityStatistics; params: StatisticsParams }) {
  return (
    <Row gutter={[16, 16]}>
      {statistics.dimensions.map((dimension) => (
        <Col key={dimension.id} xs={24} lg={12}>
          <Card size="small" title={dimensionLabel(dimension.id, dimension.label)}>
            <BucketBars
              items={barsOf(statistics, dimension.id, params)}
              total={statistics.total}
              muted={MISSING}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function DashboardTab({ params }: { params: StatisticsParams }) {
  const dashboard = useDashboard(params, true);
  if (dashboard.isPending) return <PageSpinner />;
  if (dashboard.isError)
    return <LoadErrorResult error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  return <DashboardTable dashboard={dashboard.data} params={params} />;
}

/**
 * "Thống kê chất lượng": the workforce of a unit on a date by the dimensions of form BM02/BNV, as
 * charts, as lists of every bucket and as the report table. Each number opens the people behind
 * it; the report exports to Excel in the form's layout.
 */
export default function StatisticsPage() {
  const { t } = useTranslation('statistics');
  const [searchParams, setSearchParams] = useSearchParams();
  const [asOf, setAsOf] = useAsOfParam();
  const unitParam = Number(searchParams.get('unitId'));
  const unitId = Number.isInteger(unitParam) && unitParam > 0 ? unitParam : undefined;
  const tab = searchParams.get('tab') ?? 'charts';
  const params: StatisticsParams = { unitId, asOf };

  const statistics = useQualityStatistics(params);
  const tree = useUnitTree(asOf);
  const units = useMemo(() => treeOptions(tree.data ?? []), [tree.data]);

  function setParam(key: string, value: string | undefined) {
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: key === 'tab' },
    );
  }

  if (statistics.isPending) return <PageSpinner />;
  if (statistics.isError)
    return <LoadErrorResult error={statistics.error} onRetry={() => void statistics.refetch()} />;
  const data = statistics.data;

  return (
    <Card
      title={
        <Flex vertical>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('subtitle', { unit: `${data.unit.name} (${data.unit.code})`, date: formatDate(data.asOf) })}
          </Typography.Text>
        </Flex>
      }
      extra={
        <ExportButton
          path="/api/statistics/report/export"
          body={{ unitId: data.unit.id, asOf }}
          label={t('exportReport')}
        />
      }
    >
      <Flex gap={16} wrap style={{ marginBottom: 16 }}>
        <TreeSelect
          style={{ minWidth: 360 }}
          showSearch
          treeNodeFilterProp="title"
          filterTreeNode={(input, node) =>
            foldForSearch(String(node.title ?? '')).includes(foldForSearch(input))
          }
          aria-label={t('unit')}
          placeholder={t('unit')}
          treeData={units}
          value={data.unit.id}
          loading={tree.isPending}
          onChange={(value: number | undefined) => setParam('unitId', value ? String(value) : undefined)}
        />
        <AsOfDatePicker value={asOf} onChange={setAsOf} />
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParam('tab', key)}
        destroyOnHidden
        items={[
          {
            key: 'charts',
            label: t('tabs.charts'),
            children: <ChartsTab statistics={data} params={params} />,
          },
          {
            key: 'dimensions',
            label: t('tabs.dimensions'),
            children: <DimensionsTab statistics={data} params={params} />,
          },
          {
            key: 'report',
            label: t('tabs.report'),
            children: <ReportTable statistics={data} params={params} />,
          },
          { key: 'overview', label: t('tabs.overview'), children: <DashboardTab params={params} /> },
        ]}
      />
    </Card>
  );
}
