import { Card, Empty, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { staffUnits } from '../../session/roles.ts';
import { useSignedInSession } from '../../session/SessionProvider.tsx';

/** "Bảng số lượng" in the menu: the table of the account's unit, or a choice when it manages several. */
export default function HeadcountEntryPage() {
  const { t } = useTranslation('org');
  const units = staffUnits(useSignedInSession());

  if (units.length === 1) return <Navigate to={`/units/${units[0]!.unitId}/table`} replace />;
  return (
    <Card title={t('chooseUnit.title')}>
      {units.length === 0 ? (
        <Empty description={t('chooseUnit.none')} />
      ) : (
        <List
          dataSource={units}
          renderItem={(grant) => (
            <List.Item>
              <Link to={`/units/${grant.unitId}/table`}>
                {grant.unitName} ({grant.unitCode})
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
