import type { Kysely } from 'kysely';
import * as oidc from 'openid-client';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/app-error.ts';
import { type AuditContext, recordAudit } from '../audit/audit.ts';
import type { ClientInfo } from './auth.service.ts';
import { createSession, type NewSession } from './session.repository.ts';
import type { OidcOptions } from './sign-in-options.ts';

// How long a started sign-in waits for the provider's callback.
const ATTEMPT_MINUTES = 10;

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/**
 * OpenID Connect sign-in with the authorization code flow and PKCE (S256), state and nonce. The
 * provider proves who the person is; HoSo then opens a session for the account whose official
 * e-mail matches the e-mail claim. Accounts still come only from the province admin.
 */
export class OidcService {
  readonly #db: Kysely<Database>;
  readonly #options: OidcOptions;
  #configuration: Promise<oidc.Configuration> | null = null;

  constructor(db: Kysely<Database>, options: OidcOptions) {
    this.#db = db;
    this.#options = options;
  }

  /** Fetches the provider's discovery document once; a failed fetch is retried on the next sign-in. */
  async #config(): Promise<oidc.Configuration> {
    if (!this.#configuration) {
      const issuer = new URL(this.#options.issuer);
      // Plain HTTP is accepted only for a provider on this machine (development and tests).
      const execute = issuer.protocol === 'http:' && isLoopback(issuer) ? [oidc.allowInsecureRequests] : [];
      const authentication = this.#options.clientSecret
        ? oidc.ClientSecretBasic(this.#options.clientSecret)
        : oidc.None();
      this.#configuration = oidc.discovery(issuer, this.#options.clientId, undefined, authentication, {
        execute,
        timeout: 10,
      });
      this.#configuration.catch(() => {
        this.#configuration = null;
      });
    }
    try {
      return await this.#configuration;
    } catch (error) {
      throw new AppError('DIRECTORY_UNAVAILABLE', { cause: error });
    }
  }

  /** Starts a sign-in: stores state, nonce and PKCE verifier and returns the provider's URL and the state. */
  async start(): Promise<{ url: string; state: string }> {
    const config = await this.#config();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    await this.#db.deleteFrom('oidc_sign_in_attempts').where('expires_at', '<', new Date()).execute();
    await this.#db
      .insertInto('oidc_sign_in_attempts')
      .values({
        state,
        code_verifier: codeVerifier,
        nonce,
        expires_at: new Date(Date.now() + ATTEMPT_MINUTES * 60_000),
      })
      .execute();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.#options.redirectUri,
      scope: this.#options.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /**
   * Finishes a sign-in from the callback URL. The attempt is deleted before the code is
   * redeemed, so a callback works once. Raises INVALID_CREDENTIALS for a provider error, a
   * mismatch, an unverified e-mail or an e-mail without an enabled account.
   */
  async finish(
    callbackQuery: string,
    browserState: string | undefined,
    client: ClientInfo,
    audit: AuditContext,
  ): Promise<NewSession> {
    const config = await this.#config();
    const callbackUrl = new URL(this.#options.redirectUri);
    callbackUrl.search = callbackQuery;
    const state = callbackUrl.searchParams.get('state');
    if (!state || state !== browserState) throw new AppError('INVALID_CREDENTIALS');

    const attempt = await this.#db
      .deleteFrom('oidc_sign_in_attempts')
      .where('state', '=', state)
      .returningAll()
      .executeTakeFirst();
    if (!attempt || new Date(attempt.expires_at).getTime() < Date.now())
      throw new AppError('INVALID_CREDENTIALS');

    let claims: Record<string, unknown> | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: attempt.code_verifier,
        expectedState: state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims() as Record<string, unknown> | undefined;
      // Providers that follow the ID token rules of OpenID Connect Core (section 5.4) put
      // scope claims such as email only in the userinfo response.
      const subject = claims?.sub;
      if (claims && claims[this.#options.emailClaim] === undefined && typeof subject === 'string') {
        claims = {
          ...claims,
          ...((await oidc.fetchUserInfo(config, tokens.access_token, subject)) as Record<string, unknown>),
        };
      }
    } catch (error) {
      throw new AppError('INVALID_CREDENTIALS', { cause: error });
    }

    const emailClaim = claims?.[this.#options.emailClaim];
    if (typeof emailClaim !== 'string' || claims?.email_verified === false)
      throw new AppError('INVALID_CREDENTIALS');
    return this.#openSession(emailClaim.trim().toLowerCase(), client, audit);
  }

  async #openSession(email: string, client: ClientInfo, audit: AuditContext): Promise<NewSession> {
    const account = await this.#db
      .selectFrom('accounts')
      .select(['id', 'disabled_at'])
      .where('email', '=', email)
      .executeTakeFirst();
    if (!account || account.disabled_at) throw new AppError('INVALID_CREDENTIALS');

    return this.#db.transaction().execute(async (trx) => {
      // The provider owns the password, so HoSo's default password no longer needs changing.
      await trx
        .updateTable('accounts')
        .set({ last_sign_in_at: new Date(), must_change_password: false })
        .where('id', '=', account.id)
        .execute();
      const session = await createSession(trx, account.id, client);
      await recordAudit(
        trx,
        { ...audit, actorAccountId: account.id },
        {
          action: 'auth.sign_in',
          entityType: 'account',
          entityId: account.id,
          detail: { method: 'oidc' },
        },
      );
      return session;
    });
  }
}
