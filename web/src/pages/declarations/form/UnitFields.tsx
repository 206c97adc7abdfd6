import { Alert, Button, Flex, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { foldForSearch } from '../../../../../common/vietnamese.ts';
import { formatDate } from '../../../format/dates.ts';
import { type UnitOption, useUnitOptions, useUnitSuccessors } from '../../records/record-api.ts';

const AGENCY_PATH = ['employment', 'agencyId'];
const DIVISION_PATH = ['employment', 'divisionId'];

function optionsOf(
  units: UnitOption[] | undefined,
  extra: { id: number; code: string; name: string } | undefined,
) {
  const options = (units ?? []).map((unit) => ({ value: unit.id, label: `${unit.code} — ${unit.name}` }));
  if (extra && !options.some((option) => option.value === extra.id))
    options.unshift({ value: extra.id, label: `${extra.code} — ${extra.name}` });
  return options;
}

// Unit names carry Vietnamese marks; the search ignores them ("so tu phap" finds "Sở Tư pháp").
const searchConfig = {
  filterOption: (input: string, option?: { label: string }) =>
    foldForSearch(option?.label ?? '').includes(foldForSearch(input)),
};

/**
 * Returns the successors record of a unit that is not among the active ones: ended (merged,
 * split, dissolved) or otherwise unavailable. The record names the unit and where to go.
 */
function useInactiveUnit(unitId: number | null | undefined, activeUnits: UnitOption[] | undefined) {
  const inactive =
    Boolean(unitId) && activeUnits !== undefined && !activeUnits.some((unit) => unit.id === unitId);
  const successors = useUnitSuccessors(unitId, inactive);
  return inactive ? successors.data : undefined;
}

/** Loads the active agencies and holding groups: either may be declared as the agency. */
function useAgencyOptions() {
  const agencies = useUnitOptions({ kind: 'agency' });
  const groups = useUnitOptions({ kind: 'holding_group' });
  const data = agencies.data && groups.data ? [...agencies.data, ...groups.data] : undefined;
  return {
    data,
    agencies: agencies.data,
    groups: groups.data,
    isPending: agencies.isPending || groups.isPending,
  };
}

export function AgencySelect({
  id,
  value,
  onChange,
  disabled,
}: {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation('declarations');
  const form = Form.useFormInstance();
  const agencies = useAgencyOptions();
  const inactive = useInactiveUnit(value, agencies.data);
  const groups = optionsOf(agencies.groups, undefined);
  const options =
    groups.length === 0
      ? optionsOf(agencies.agencies, inactive?.unit)
      : [
          {
            label: t('form.agencies'),
            title: t('form.agencies'),
            options: optionsOf(agencies.agencies, inactive?.unit),
          },
          { label: t('form.holdingGroups'), title: t('form.holdingGroups'), options: groups },
        ];
  return (
    <Select
      id={id}
      value={value ?? null}
      disabled={disabled}
      allowClear
      loading={agencies.isPending}
      placeholder={t('form.agencyPlaceholder')}
      showSearch={searchConfig}
      options={options}
      onChange={(next: number | undefined) => {
        onChange?.(next ?? null);
        // The division belongs to the old agency; the person picks one of the new agency's.
        if (next !== value) form.setFieldValue(DIVISION_PATH, null);
      }}
    />
  );
}

export function DivisionSelect({
  id,
  value,
  onChange,
  disabled,
}: {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation('declarations');
  const agencyId = Form.useWatch<number | null | undefined>(AGENCY_PATH);
  const divisions = useUnitOptions({ kind: 'division', parentId: agencyId });
  const inactive = useInactiveUnit(value, agencyId ? divisions.data : undefined);
  return (
    <Select
      id={id}
      value={value ?? null}
      disabled={disabled || !agencyId}
      allowClear
      loading={Boolean(agencyId) && divisions.isPending}
      placeholder={agencyId ? t('form.divisionPlaceholder') : t('form.chooseAgencyFirst')}
      showSearch={searchConfig}
      options={optionsOf(divisions.data, inactive?.unit)}
      onChange={(next: number | undefined) => onChange?.(next ?? null)}
    />
  );
}

/**
 * Warns when the declared agency or division has ended and offers its successor units, as the
 * reorganisation recorded them, with one click to declare them.
 */
export function EndedUnitNotice({ disabled }: { disabled?: boolean }) {
  const { t } = useTranslation('declarations');
  const form = Form.useFormInstance();
  // The notice sits outside the tabs, so it also watches fields of tabs not opened yet (preserve).
  const agencyId = Form.useWatch<number | null | undefined>(AGENCY_PATH, { form, preserve: true });
  const divisionId = Form.useWatch<number | null | undefined>(DIVISION_PATH, { form, preserve: true });
  const agencies = useAgencyOptions();
  const divisions = useUnitOptions({ kind: 'division', parentId: agencyId });
  const endedDivision = useInactiveUnit(divisionId, agencyId ? divisions.data : undefined);
  const endedAgency = useInactiveUnit(agencyId, agencies.data);
  const ended = [endedDivision, endedAgency].find((successors) => successors?.unit.status === 'ended');
  if (!ended) return null;

  const unitLabel = `${ended.unit.code} ${ended.unit.name}`;
  const endDate = ended.unit.validTo ? formatDate(ended.unit.validTo) : '';
  if (ended.placements.length === 0) {
    return (
      <Alert type="warning" showIcon title={t('form.unitDissolved', { unit: unitLabel, date: endDate })} />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      title={t('form.unitEnded', { unit: unitLabel, date: endDate })}
      description={
        <Flex vertical gap={4} align="flex-start">
          {ended.placements.map((placement) => {
            const target = placement.division
              ? `${placement.division.code} ${placement.division.name} — ${placement.agency.name}`
              : `${placement.agency.code} ${placement.agency.name}`;
            return (
              <Button
                key={`${placement.agency.id}-${placement.division?.id ?? 0}`}
                size="small"
                disabled={disabled}
                onClick={() => {
                  form.setFieldValue(AGENCY_PATH, placement.agency.id);
                  form.setFieldValue(DIVISION_PATH, placement.division?.id ?? null);
                }}
              >
                {t('form.useSuccessor', { unit: target })}
              </Button>
            );
          })}
        </Flex>
      }
    />
  );
}
