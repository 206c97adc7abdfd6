import type { Transaction } from 'kysely';
import type { NewUnitSpec } from '../../../common/schemas/reorganisation.ts';
import { normalizeText } from '../../../common/vietnamese.ts';
import type { Database, DateString, UnitRow } from '../../db/schema.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import { findActiveUnitByCode, findUnit, insertUnit } from '../org/org.repository.ts';

// The same placement rules as creating a unit through the org module (org.service.ts), applied
// inside the reorganisation's own transaction.
const ALLOWED_PARENTS: Record<NewUnitSpec['kind'], readonly UnitRow['kind'][]> = {
  agency: ['province', 'agency'],
  division: ['agency', 'division'],
};

/**
 * Creates a successor unit from `effectiveDate`. Call it after the predecessors have ended, so
 * that a successor may take over the code of a unit it replaces.
 */
export async function createSuccessorUnit(
  trx: Transaction<Database>,
  spec: NewUnitSpec,
  basis: { effectiveDate: DateString; decisionNumber: string; decisionDate: DateString },
  field: string,
): Promise<UnitRow> {
  const parent = await findUnit(trx, spec.parentId);
  if (!parent)
    throw fieldError(`${field}.parentId`, 'Đơn vị cấp trên', 'Không tìm thấy đơn vị cấp trên đã chọn.');
  if (parent.status !== 'active') {
    throw fieldError(
      `${field}.parentId`,
      'Đơn vị cấp trên',
      `Đơn vị ${parent.code} đã kết thúc hoạt động; hãy chọn đơn vị cấp trên đang hoạt động.`,
    );
  }
  if (!ALLOWED_PARENTS[spec.kind].includes(parent.kind)) throw new AppError('UNIT_PARENT_INVALID');

  const code = spec.code.trim();
  if (code === parent.code)
    throw fieldError(
      `${field}.code`,
      'Mã số đơn vị',
      'Mã số đơn vị con phải dài hơn mã của đơn vị cấp trên.',
    );
  if (spec.kind === 'division' && !code.startsWith(parent.code)) {
    throw new AppError('UNIT_CODE_PREFIX', {
      message: `Mã số đơn vị con phải bắt đầu bằng mã số ${parent.code} của đơn vị cấp trên.`,
      fields: [
        {
          field: `${field}.code`,
          label: 'Mã số đơn vị',
          message: `Hãy dùng mã bắt đầu bằng ${parent.code}.`,
        },
      ],
    });
  }
  const taken = await findActiveUnitByCode(trx, code);
  if (taken) {
    throw new AppError('UNIT_CODE_TAKEN', {
      message: `Mã số đơn vị ${code} đã được đơn vị "${taken.name}" sử dụng.`,
      fields: [
        {
          field: `${field}.code`,
          label: 'Mã số đơn vị',
          message: `Mã ${code} đã có đơn vị đang hoạt động dùng; hãy chọn mã khác.`,
        },
      ],
    });
  }

  return insertUnit(trx, {
    code,
    name: normalizeText(spec.name),
    kind: spec.kind,
    parent_id: parent.id,
    valid_from: basis.effectiveDate,
    valid_to: null,
    decision_number: basis.decisionNumber,
    decision_date: basis.decisionDate,
  });
}
