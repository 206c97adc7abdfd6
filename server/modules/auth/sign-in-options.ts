// Sign-in options chosen by environment variables (listed in docs/security.md).

export interface LdapOptions {
  /** ldap:// or ldaps:// address of the province directory. */
  url: string;
  /** Account that searches the directory; without it the search binds anonymously. */
  bindDn: string | undefined;
  bindPassword: string | undefined;
  searchBase: string;
  /** Search filter with `{email}` where the escaped official e-mail goes. */
  searchFilter: string;
  timeoutMs: number;
}

export interface OidcOptions {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  redirectUri: string;
  scopes: string;
  /** Claim of the ID token or userinfo that holds the official e-mail. */
  emailClaim: string;
}

export interface PasswordResetOptions {
  /** smtp:// or smtps:// address of the mail relay, with credentials if it needs them. */
  smtpUrl: string;
  /** Sender address of the reset e-mail. */
  from: string;
  /** Minutes a reset link stays valid. */
  linkMinutes: number;
}

export interface SignInOptions {
  /** Local passwords stored in HoSo (Argon2id). */
  password: boolean;
  ldap: LdapOptions | null;
  oidc: OidcOptions | null;
  /** Require a TOTP code from unit admins and province admins after the first factor. */
  totpForAdmins: boolean;
  /** Name shown by authenticator apps next to the account. */
  totpIssuer: string;
  passwordReset: PasswordResetOptions | null;
  /** Address of HoSo as users reach it, used in e-mailed links and the OIDC redirect. */
  publicUrl: string;
}

function text(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new Error(`${name} must be true or false, got "${raw}".`);
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive whole number, got "${raw}".`);
  return value;
}

function required(env: NodeJS.ProcessEnv, name: string, because: string): string {
  const value = text(env, name);
  if (!value) throw new Error(`${name} is required when ${because} is set.`);
  return value;
}

/** Reads the sign-in options; raises on a setting that is present but invalid or incomplete. */
export function loadSignInOptions(env: NodeJS.ProcessEnv = process.env): SignInOptions {
  const publicUrl = (text(env, 'PUBLIC_URL') ?? `http://localhost:${text(env, 'PORT') ?? '3000'}`).replace(
    /\/+$/,
    '',
  );

  const ldapUrl = text(env, 'LDAP_URL');
  const ldap: LdapOptions | null = ldapUrl
    ? {
        url: ldapUrl,
        bindDn: text(env, 'LDAP_BIND_DN'),
        bindPassword: text(env, 'LDAP_BIND_PASSWORD'),
        searchBase: required(env, 'LDAP_SEARCH_BASE', 'LDAP_URL'),
        searchFilter: text(env, 'LDAP_SEARCH_FILTER') ?? '(mail={email})',
        timeoutMs: wholeNumber(env, 'LDAP_TIMEOUT_MS', 5_000),
      }
    : null;
  if (ldap && !ldap.searchFilter.includes('{email}'))
    throw new Error('LDAP_SEARCH_FILTER must contain {email}.');

  const issuer = text(env, 'OIDC_ISSUER');
  const oidc: OidcOptions | null = issuer
    ? {
        issuer,
        clientId: required(env, 'OIDC_CLIENT_ID', 'OIDC_ISSUER'),
        clientSecret: text(env, 'OIDC_CLIENT_SECRET'),
        redirectUri: text(env, 'OIDC_REDIRECT_URI') ?? `${publicUrl}/api/auth/oidc/callback`,
        scopes: text(env, 'OIDC_SCOPES') ?? 'openid email profile',
        emailClaim: text(env, 'OIDC_EMAIL_CLAIM') ?? 'email',
      }
    : null;

  const smtpUrl = text(env, 'SMTP_URL');
  const passwordReset: PasswordResetOptions | null = smtpUrl
    ? {
        smtpUrl,
        from: required(env, 'SMTP_FROM', 'SMTP_URL'),
        linkMinutes: wholeNumber(env, 'PASSWORD_RESET_MINUTES', 30),
      }
    : null;

  return {
    password: flag(env, 'SIGN_IN_PASSWORD', true),
    ldap,
    oidc,
    totpForAdmins: flag(env, 'TOTP_FOR_ADMINS', false),
    totpIssuer: text(env, 'TOTP_ISSUER') ?? 'HoSo',
    passwordReset,
    publicUrl,
  };
}
