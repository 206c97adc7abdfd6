import { Typography } from 'antd';
import { Link } from 'react-router';
import { formatCount } from '../../../format/numbers.ts';

export interface BarItem {
  key: string;
  label: string;
  count: number;
  /** Link target of the count: the list of people behind it. */
  link: string;
}

const BAR_COLOR = '#1677ff';
const MUTED_COLOR = '#bfbfbf';
const ROW_STYLE = {
  display: 'grid',
  gridTemplateColumns: 'minmax(140px, 40%) 1fr 110px',
  gap: 8,
  alignItems: 'center',
  marginBottom: 6,
} as const;

/**
 * Draws one horizontal bar per bucket, scaled to the largest, with the count beside it as a link
 * to the people behind it and the share of the total. Buckets for missing data are drawn grey.
 */
export function BucketBars({
  items,
  total,
  muted = [],
}: {
  items: BarItem[];
  total: number;
  muted?: string[];
}) {
  const largest = Math.max(1, ...items.map((item) => item.count));
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item) => {
        const share = total > 0 ? Math.round((item.count * 1000) / total) / 10 : 0;
        return (
          <li key={item.key} style={ROW_STYLE}>
            <Typography.Text ellipsis={{ tooltip: item.label }}>{item.label}</Typography.Text>
            <svg width="100%" height="14" aria-hidden="true" preserveAspectRatio="none" viewBox="0 0 100 14">
              <rect
                x="0"
                y="2"
                width={(item.count * 100) / largest}
                height="10"
                rx="2"
                fill={muted.includes(item.key) ? MUTED_COLOR : BAR_COLOR}
              />
            </svg>
            <span style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
              <Link to={item.link}>{formatCount(item.count)}</Link>
              <Typography.Text type="secondary"> ({share.toLocaleString()}%)</Typography.Text>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
