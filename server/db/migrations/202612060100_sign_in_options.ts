import { type Kysely, sql } from 'kysely';

// Tables for the sign-in options: TOTP secrets and pending second-factor checks, password reset
// links, and OpenID Connect sign-in attempts waiting for the provider's callback.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table totp_secrets (
      account_id bigint primary key references accounts (id),
      secret text not null,
      confirmed_at timestamptz,
      last_used_step bigint,
      created_at timestamptz not null default now()
    )
  `.execute(db);

  // A session listed here has passed the first factor only; the policy gate lets it reach the
  // second-factor routes and nothing else until the row is gone.
  await sql`
    create table totp_challenges (
      session_id text primary key references sessions (id) on delete cascade,
      failed_attempts integer not null default 0,
      created_at timestamptz not null default now()
    )
  `.execute(db);

  // Only the SHA-256 of a link's token is stored. password_fingerprint is the SHA-256 of the
  // account's password hash when the link was made, so any later password change kills the link.
  await sql`
    create table password_reset_tokens (
      id bigint generated always as identity primary key,
      token_hash text not null unique,
      account_id bigint not null references accounts (id),
      password_fingerprint text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz,
      requested_ip text
    )
  `.execute(db);
  await sql`create index password_reset_tokens_account_idx on password_reset_tokens (account_id) where used_at is null`.execute(db);

  await sql`
    create table oidc_sign_in_attempts (
      state text primary key,
      code_verifier text not null,
      nonce text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['oidc_sign_in_attempts', 'password_reset_tokens', 'totp_challenges', 'totp_secrets']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
