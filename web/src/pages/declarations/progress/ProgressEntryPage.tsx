import { Card, Empty, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { staffUnits } from '../../../session/roles.ts';
import { useSignedInSession } from '../../../session/SessionProvider.tsx';

/** Opens "Tiến độ kê khai" from the menu: the progress of the account's unit, or a choice when it manages several. */
export default function ProgressEntryPage() {
  const { t } = useTranslation('declarations');
  const units = staffUnits(useSignedInSession());

  if (units.length === 1) return <Navigate to={`/units/${units[0]!.unitId}/declaration-progress`} replace />;
  return (
    <Card title={t('progress.chooseUnit')}>
      {units.length === 0 ? (
        <Empty description={t('progress.noUnits')} />
      ) : (
        <List
          dataSource={units}
          renderItem={(grant) => (
            <List.Item>
              <Link to={`/units/${grant.unitId}/declaration-progress`}>
                {grant.unitName} ({grant.unitCode})
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
