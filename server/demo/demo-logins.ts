import type { Kysely } from 'kysely';
import { type Role, roleLabels } from '../../common/roles.ts';
import type { Database } from '../db/schema.ts';

/**
 * Default password of every demo account. Each account must change it at first sign-in, and the
 * server prints it at start-up, so it protects nothing: demo data only.
 */
export const DEMO_PASSWORD = 'HoSo@QuangTri-2025';

/** Domain of the generated official e-mail addresses. */
export const OFFICIAL_EMAIL_DOMAIN = 'quangtri.gov.vn';

/** The four accounts printed at start-up, one per role, in the order they are printed. */
export const DEMO_LOGIN_EMAILS: ReadonlyArray<{ role: Role; email: string }> = [
  { role: 'province_admin', email: `snv.admin@${OFFICIAL_EMAIL_DOMAIN}` },
  { role: 'unit_admin', email: `tuphap.admin@${OFFICIAL_EMAIL_DOMAIN}` },
  { role: 'approver', email: `tuphap.pheduyet@${OFFICIAL_EMAIL_DOMAIN}` },
  { role: 'person', email: `tuphap.canbo@${OFFICIAL_EMAIL_DOMAIN}` },
];

export function demoLoginEmail(role: Role): string {
  return DEMO_LOGIN_EMAILS.find((login) => login.role === role)!.email;
}

export interface DemoLogin {
  role: Role;
  roleLabel: string;
  email: string;
  /** Whether the default password has been replaced. */
  passwordChanged: boolean;
}

/**
 * Returns the demo accounts that exist in the database, with their Vietnamese role label. A
 * database that was not built as the demo province has none of them and gets an empty list.
 */
export async function listDemoLogins(db: Kysely<Database>): Promise<DemoLogin[]> {
  const rows = await db
    .selectFrom('accounts')
    .select(['email', 'must_change_password'])
    .where(
      'email',
      'in',
      DEMO_LOGIN_EMAILS.map((login) => login.email),
    )
    .execute();
  const byEmail = new Map(rows.map((row) => [row.email, row]));

  return DEMO_LOGIN_EMAILS.flatMap(({ role, email }) => {
    const row = byEmail.get(email);
    if (!row) return [];
    return [{ role, roleLabel: roleLabels[role].vi, email, passwordChanged: !row.must_change_password }];
  });
}
