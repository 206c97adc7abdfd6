import { hashPassword } from '../modules/auth/password.ts';
import { chunks } from './batch.ts';
import { DEMO_PASSWORD, OFFICIAL_EMAIL_DOMAIN } from './demo-logins.ts';
import type { DemoSeedContext } from './seed-context.ts';
import { chooseStaffRoles } from './staff-roles.ts';
import { emailNamePart } from './vietnamese-names.ts';

/**
 * Creates one account per person, signing in with DEMO_PASSWORD and obliged to change it.
 * Addresses look like an.nv.12345@quangtri.gov.vn; the sequence number keeps them unique.
 */
export async function seedAccounts(context: DemoSeedContext): Promise<Record<string, number>> {
  const { db, people, accountIds } = context;
  const { demoEmails } = chooseStaffRoles(context.plan, people);

  // Demo only: every account shares one argon2 hash of the default password. Hashing 25,000
  // passwords separately would take minutes (about 10 ms each), and each account has to choose
  // its own password at first sign-in anyway.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  for (const batch of chunks(people)) {
    const inserted = await db
      .insertInto('accounts')
      .values(
        batch.map((person) => ({
          email:
            demoEmails.get(person.id) ??
            `${emailNamePart(person.generated.fullName)}.${person.generated.sequence}@${OFFICIAL_EMAIL_DOMAIN}`,
          display_name: person.generated.fullName,
          person_id: person.id,
          home_unit_id: person.agencyId,
          password_hash: passwordHash,
          must_change_password: true,
        })),
      )
      .returning(['id', 'person_id'])
      .execute();
    for (const row of inserted) accountIds.set(row.person_id!, row.id);
  }

  return { accounts: accountIds.size };
}

/** Grants the unit admins, approvers and the province admin chosen by chooseStaffRoles. */
export async function seedRoleGrants(context: DemoSeedContext): Promise<Record<string, number>> {
  const { db, unitIds, accountIds } = context;
  const { grants } = chooseStaffRoles(context.plan, context.people);

  for (const batch of chunks(grants)) {
    await db
      .insertInto('role_grants')
      .values(
        batch.map((grant) => ({
          account_id: accountIds.get(grant.person.id)!,
          role: grant.role,
          unit_id: unitIds.get(grant.unitCode)!,
        })),
      )
      .execute();
  }

  return { grants: grants.length };
}
