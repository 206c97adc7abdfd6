import { SettingOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Renders the small button beside a unit in the tree that opens SNV's management drawer. It stops the
 * click there, so the tree does not also open the unit's table.
 */
export function UnitManageButton({
  unit,
  onOpen,
}: {
  unit: { id: number; code: string };
  onOpen: (unitId: number) => void;
}) {
  const { t } = useTranslation('units');
  const label = t('drawer.open', { code: unit.code });
  return (
    <Tooltip title={label}>
      <Button
        size="small"
        type="text"
        icon={<SettingOutlined />}
        aria-label={label}
        style={{ marginInlineStart: 8 }}
        onClick={(event) => {
          event.stopPropagation();
          onOpen(unit.id);
        }}
      />
    </Tooltip>
  );
}
