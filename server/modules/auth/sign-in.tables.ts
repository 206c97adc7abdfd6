import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface TotpSecretsTable {
  account_id: number;
  /** Base32 secret shared with the authenticator app. */
  secret: string;
  confirmed_at: Timestamp | null;
  /** The last 30-second step whose code was accepted; older or equal steps are replays. */
  last_used_step: number | null;
  created_at: Generated<Timestamp>;
}

export interface TotpChallengesTable {
  session_id: string;
  failed_attempts: Generated<number>;
  created_at: Generated<Timestamp>;
}

export interface PasswordResetTokensTable {
  id: Generated<number>;
  token_hash: string;
  account_id: number;
  password_fingerprint: string;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  requested_ip: string | null;
}

export interface OidcSignInAttemptsTable {
  state: string;
  code_verifier: string;
  nonce: string;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
}

export interface SignInTables {
  totp_secrets: TotpSecretsTable;
  totp_challenges: TotpChallengesTable;
  password_reset_tokens: PasswordResetTokensTable;
  oidc_sign_in_attempts: OidcSignInAttemptsTable;
}
