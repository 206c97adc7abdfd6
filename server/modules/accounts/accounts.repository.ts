import { type Kysely, sql } from 'kysely';
import type { Account, AccountGrant } from '../../../common/schemas/accounts.ts';
import { foldForSearch } from '../../../common/vietnamese.ts';
import type { AccountRow, Database } from '../../db/schema.ts';

export interface AccountFilter {
  /** Units whose subtrees hold the accounts to list (by home unit). */
  rootUnitIds: readonly number[];
  q?: string | undefined;
  mustChangePassword?: boolean | undefined;
  enabledOnly?: boolean | undefined;
}

function isoOrNull(value: Date | string | null): string | null {
  if (value === null) return null;
  return new Date(value).toISOString();
}

/** Escapes the LIKE wildcards in user text, so that "50%" searches for a literal percent sign. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

// A subquery of the ids of the root units and every unit below them.
function subtreeOf(rootUnitIds: readonly number[]) {
  return sql<number>`(
    with recursive tree (id, depth) as (
      select id, 0 from units where id in (${sql.join([...rootUnitIds])})
      union all
      select u.id, t.depth + 1 from units u join tree t on u.parent_id = t.id where t.depth < 64
    )
    select id from tree
  )`;
}

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('accounts')
    .innerJoin('units', 'units.id', 'accounts.home_unit_id')
    .leftJoin('people', 'people.id', 'accounts.person_id');
}

const ACCOUNT_COLUMNS = [
  'accounts.id',
  'accounts.email',
  'accounts.display_name',
  'accounts.person_id',
  'accounts.disabled_at',
  'accounts.must_change_password',
  'accounts.locked_until',
  'accounts.last_sign_in_at',
  'accounts.password_changed_at',
  'accounts.created_at',
  'accounts.row_version',
  'units.id as unit_id',
  'units.code as unit_code',
  'units.name as unit_name',
  'units.kind as unit_kind',
  'people.full_name as person_name',
] as const;

type AccountListRow = Awaited<ReturnType<typeof findAccountRows>>[number];

function findAccountRows(db: Kysely<Database>, ids: readonly number[]) {
  return baseQuery(db)
    .select(ACCOUNT_COLUMNS)
    .where('accounts.id', 'in', [...ids])
    .execute();
}

function toAccountDto(row: AccountListRow, grants: AccountGrant[]): Account {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    homeUnit: { id: row.unit_id, code: row.unit_code, name: row.unit_name, kind: row.unit_kind },
    personId: row.person_id,
    personName: row.person_name,
    disabled: row.disabled_at !== null,
    disabledAt: isoOrNull(row.disabled_at),
    mustChangePassword: row.must_change_password,
    // A lock that has run out no longer matters; the counter restarts at the next failure.
    lockedUntil: row.locked_until !== null && new Date(row.locked_until) > new Date() ? isoOrNull(row.locked_until) : null,
    lastSignInAt: isoOrNull(row.last_sign_in_at),
    passwordChangedAt: isoOrNull(row.password_changed_at),
    createdAt: isoOrNull(row.created_at) ?? '',
    rowVersion: row.row_version,
    grants,
  };
}

/** Loads the active role grants of the accounts, by account id, oldest first. */
async function activeGrantsByAccount(db: Kysely<Database>, accountIds: readonly number[]) {
  const byAccount = new Map<number, AccountGrant[]>();
  if (accountIds.length === 0) return byAccount;
  const rows = await db
    .selectFrom('role_grants')
    .innerJoin('units', 'units.id', 'role_grants.unit_id')
    .select([
      'role_grants.id',
      'role_grants.account_id',
      'role_grants.role',
      'role_grants.granted_at',
      'units.id as unit_id',
      'units.code as unit_code',
      'units.name as unit_name',
    ])
    .where('role_grants.account_id', 'in', [...accountIds])
    .where('role_grants.revoked_at', 'is', null)
    .orderBy('role_grants.id')
    .execute();
  for (const row of rows) {
    const grants = byAccount.get(row.account_id) ?? [];
    grants.push({
      id: row.id,
      role: row.role,
      unitId: row.unit_id,
      unitCode: row.unit_code,
      unitName: row.unit_name,
      grantedAt: isoOrNull(row.granted_at) ?? '',
    });
    byAccount.set(row.account_id, grants);
  }
  return byAccount;
}

/** Builds the full view of accounts (home unit, linked person, active grants), in the order of `ids`. */
export async function accountDtos(db: Kysely<Database>, ids: readonly number[]): Promise<Account[]> {
  if (ids.length === 0) return [];
  const rows = await findAccountRows(db, ids);
  const grants = await activeGrantsByAccount(db, ids);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toAccountDto(row, grants.get(id) ?? [])] : [];
  });
}

export async function accountDto(db: Kysely<Database>, id: number): Promise<Account | undefined> {
  const [account] = await accountDtos(db, [id]);
  return account;
}

/**
 * Lists the accounts whose home unit lies in the filter's subtrees, ordered by unit code and
 * e-mail. The search text matches the display name without tone marks (vn_fold, backed by a
 * trigram index) or the e-mail.
 */
export async function listAccounts(
  db: Kysely<Database>,
  filter: AccountFilter,
  page: number,
  pageSize: number,
) {
  if (filter.rootUnitIds.length === 0) return { total: 0, items: [] as Account[] };

  let query = baseQuery(db).where('accounts.home_unit_id', 'in', subtreeOf(filter.rootUnitIds));
  const folded = filter.q ? foldForSearch(filter.q) : '';
  if (folded) {
    const pattern = likePattern(folded);
    query = query.where((eb) =>
      eb.or([
        eb(sql`vn_fold(${sql.ref('accounts.display_name')})`, 'like', pattern),
        eb('accounts.email', 'like', pattern),
      ]),
    );
  }
  if (filter.mustChangePassword !== undefined)
    query = query.where('accounts.must_change_password', '=', filter.mustChangePassword);
  if (filter.enabledOnly) query = query.where('accounts.disabled_at', 'is', null);

  const { total } = await query.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .select('accounts.id')
    .orderBy('units.code')
    .orderBy('accounts.email')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    total,
    items: await accountDtos(
      db,
      rows.map((row) => row.id),
    ),
  };
}

/** Reads the account row and locks it until the transaction ends. */
export async function lockAccount(trx: Kysely<Database>, id: number): Promise<AccountRow | undefined> {
  return trx.selectFrom('accounts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findAccountByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom('accounts').select(['id', 'email']).where('email', '=', email).executeTakeFirst();
}

export async function findAccountByPerson(db: Kysely<Database>, personId: number) {
  return db
    .selectFrom('accounts')
    .select(['id', 'email'])
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

/** Finds the person and the agency of their current membership, if any. */
export async function findPersonWithAgency(db: Kysely<Database>, personId: number) {
  return db
    .selectFrom('people')
    .leftJoin('memberships', (join) =>
      join.onRef('memberships.person_id', '=', 'people.id').on('memberships.valid_to', 'is', null),
    )
    .select(['people.id', 'people.full_name', 'memberships.agency_id'])
    .where('people.id', '=', personId)
    .executeTakeFirst();
}

export async function findUnit(db: Kysely<Database>, unitId: number) {
  return db
    .selectFrom('units')
    .select(['id', 'code', 'name', 'kind', 'status'])
    .where('id', '=', unitId)
    .executeTakeFirst();
}

/** Lists the active grants of one account as stored, oldest first. */
export async function activeGrantRows(db: Kysely<Database>, accountId: number) {
  return db
    .selectFrom('role_grants')
    .select(['id', 'role', 'unit_id'])
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .orderBy('id')
    .execute();
}
