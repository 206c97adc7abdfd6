import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCount } from '../../../format/numbers.ts';

export interface PyramidBand {
  ageBand: string;
  label: string;
  male: number;
  female: number;
  unknown: number;
}

const MALE_COLOR = '#1677ff';
const FEMALE_COLOR = '#eb2f96';
const BAR_CELL = { width: '40%', padding: '2px 0' } as const;

function Bar({ share, color, fromRight }: { share: number; color: string; fromRight: boolean }) {
  return (
    <svg width="100%" height="18" viewBox="0 0 100 18" preserveAspectRatio="none" aria-hidden="true">
      <rect x={fromRight ? 100 - share : 0} y="2" width={share} height="14" fill={color} />
    </svg>
  );
}

/**
 * Draws the age pyramid as a table: one row per age band, oldest on top, men to the left and
 * women to the right of the band. Each count links to the people of that band and gender.
 */
export function AgePyramid({
  bands,
  linkFor,
}: {
  bands: PyramidBand[];
  linkFor: (ageBand: string, gender: 'male' | 'female') => string;
}) {
  const { t } = useTranslation('statistics');
  const largest = Math.max(1, ...bands.flatMap((band) => [band.male, band.female]));

  return (
    <table style={{ width: '100%', borderCollapse: 'collapse' }} aria-label={t('charts.pyramid')}>
      <thead>
        <tr>
          <th style={{ textAlign: 'right' }}>{t('charts.male')}</th>
          <td />
          <th style={{ fontWeight: 'normal' }}>{t('charts.age')}</th>
          <td />
          <th style={{ textAlign: 'left' }}>{t('charts.female')}</th>
        </tr>
      </thead>
      <tbody>
        {[...bands].reverse().map((band) => (
          <tr key={band.ageBand}>
            <td style={{ textAlign: 'right', paddingRight: 6 }}>
              <Link to={linkFor(band.ageBand, 'male')}>{formatCount(band.male)}</Link>
            </td>
            <td style={BAR_CELL}>
              <Bar share={(band.male * 100) / largest} color={MALE_COLOR} fromRight />
            </td>
            <th scope="row" style={{ padding: '0 8px', fontWeight: 'normal', whiteSpace: 'nowrap' }}>
              {band.label}
            </th>
            <td style={BAR_CELL}>
              <Bar share={(band.female * 100) / largest} color={FEMALE_COLOR} fromRight={false} />
            </td>
            <td style={{ paddingLeft: 6 }}>
              <Link to={linkFor(band.ageBand, 'female')}>{formatCount(band.female)}</Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
