import { Card, Empty, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { staffUnits } from '../../session/roles.ts';
import { useSignedInSession } from '../../session/SessionProvider.tsx';

/** "Đến hạn nâng lương, nghỉ hưu" in the menu: the lists of the account's unit, or a choice of units. */
export default function DueListsEntryPage() {
  const { t } = useTranslation('dueLists');
  const units = staffUnits(useSignedInSession());

  if (units.length === 1) return <Navigate to={`/units/${units[0]!.unitId}/due-lists`} replace />;
  return (
    <Card title={t('chooseUnit')}>
      {units.length === 0 ? (
        <Empty description={t('noUnit')} />
      ) : (
        <List
          dataSource={units}
          renderItem={(grant) => (
            <List.Item>
              <Link to={`/units/${grant.unitId}/due-lists`}>
                {grant.unitName} ({grant.unitCode})
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
