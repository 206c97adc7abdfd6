import type { Kysely } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import type {
  DueListResponse,
  DueNotifyBody,
  RetirementDueItem,
  StepDueItem,
} from '../../../common/schemas/due-lists.ts';
import { normalizeText } from '../../../common/vietnamese.ts';
import type { Database } from '../../db/schema.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import { notifyAccounts } from '../requests/notifications.repository.ts';

// Reminders to the people on a due list, as in-app notifications to their accounts. Each text
// carries the due date, so the same reminder is never sent twice to one account, while a new
// due date (after the record changes) makes a new reminder.

const KINDS = { steps: 'salary_step_due', retirements: 'retirement_due' } as const;
const TITLES = { steps: 'Sắp đến hạn nâng bậc lương', retirements: 'Sắp đến tuổi nghỉ hưu' } as const;

function coefficientText(value: number | null): string {
  return value === null ? '' : ` (hệ số ${value.toFixed(2).replace('.', ',')})`;
}

function stepText(item: StepDueItem): string {
  const when = formatDateVi(item.dueDate);
  if (item.kind === 'step')
    return `Theo hồ sơ đã phê duyệt, bạn đến hạn nâng lương lên bậc ${item.nextStep}${coefficientText(item.nextCoefficient)} từ ngày ${when}.`;
  if (item.kind === 'over_frame')
    return `Theo hồ sơ đã phê duyệt, bạn đến hạn hưởng phụ cấp thâm niên vượt khung ${item.nextOverFramePercent}% từ ngày ${when}.`;
  return `Theo hồ sơ đã phê duyệt, phụ cấp thâm niên vượt khung của bạn đến hạn tăng lên ${item.nextOverFramePercent}% từ ngày ${when}.`;
}

function retirementText(item: RetirementDueItem): string {
  const age = `${item.ageYears} tuổi${item.ageMonths ? ` ${item.ageMonths} tháng` : ''}`;
  return `Theo hồ sơ đã phê duyệt, bạn đủ tuổi nghỉ hưu (${age}); thời điểm nghỉ hưu là ngày ${formatDateVi(item.retirementDate)}, hưởng lương hưu từ ngày ${formatDateVi(item.pensionStartDate)}.`;
}

const CHECK_LINE =
  'Nếu thông tin chưa đúng, hãy cập nhật phiếu thông tin cá nhân hoặc báo quản trị viên đơn vị.';

/** Sends the reminders of one list kind and writes one audit row naming everyone covered. */
export async function sendDueReminders(
  db: Kysely<Database>,
  lists: DueListResponse,
  body: DueNotifyBody,
  audit: AuditContext,
) {
  const wanted = body.personIds ? new Set(body.personIds) : undefined;
  const items: Array<StepDueItem | RetirementDueItem> = (
    body.kind === 'steps' ? lists.steps : lists.retirements
  ).filter((item) => !wanted || wanted.has(item.personId));
  const extra = body.message ? normalizeText(body.message) : '';
  const kind = KINDS[body.kind];

  return db.transaction().execute(async (trx) => {
    const personIds = items.map((item) => item.personId);
    const accounts =
      personIds.length === 0
        ? []
        : await trx
            .selectFrom('accounts')
            .select(['id', 'person_id'])
            .where('person_id', 'in', personIds)
            .where('disabled_at', 'is', null)
            .execute();
    const accountsOf = new Map<number, number[]>();
    for (const account of accounts)
      accountsOf.set(account.person_id!, [...(accountsOf.get(account.person_id!) ?? []), account.id]);

    let notified = 0;
    let alreadyNotified = 0;
    let withoutAccount = 0;
    for (const item of items) {
      const recipients = accountsOf.get(item.personId) ?? [];
      if (recipients.length === 0) {
        withoutAccount += 1;
        continue;
      }
      const text =
        body.kind === 'steps' ? stepText(item as StepDueItem) : retirementText(item as RetirementDueItem);
      const message = [text, extra, CHECK_LINE].filter(Boolean).join(' ');
      const sent = await trx
        .selectFrom('account_notifications')
        .select('account_id')
        .where('account_id', 'in', recipients)
        .where('kind', '=', kind)
        .where('body', '=', message)
        .execute();
      const sentTo = new Set(sent.map((row) => row.account_id));
      alreadyNotified += sentTo.size;
      notified += await notifyAccounts(
        trx,
        recipients.filter((id) => !sentTo.has(id)),
        { kind, title: TITLES[body.kind], body: message, link: '/' },
      );
    }

    await recordAudit(trx, audit, {
      action: 'due_list.notify',
      entityType: 'unit',
      entityId: lists.unit.id,
      detail: {
        kind: body.kind,
        months: lists.months,
        asOf: lists.asOf,
        personIds,
        notified,
        alreadyNotified,
        withoutAccount,
        message: extra || null,
      },
    });
    return { people: items.length, notified, withoutAccount, alreadyNotified };
  });
}
