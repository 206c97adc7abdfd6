import { createServer, type Server } from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from './local-slapd.ts';

export const OIDC_CLIENT_ID = 'hoso-thu-nghiem';
export const OIDC_CLIENT_SECRET = 'bi-mat-cua-ung-dung-hoso-thu-nghiem';

export interface ProviderUser {
  email: string;
  emailVerified?: boolean;
}

export interface LocalOidcProvider {
  issuer: string;
  /** The user that the next login interaction signs in, by subject. */
  loginAs(subject: string): void;
  close(): Promise<void>;
}

/**
 * Starts an OpenID Connect provider (oidc-provider) on 127.0.0.1 with one confidential client.
 * Its login and consent screens are replaced by a handler that signs in the user chosen with
 * loginAs and grants the requested scopes, so a test can walk the browser redirects with fetch.
 */
export async function startLocalOidcProvider(
  users: Record<string, ProviderUser>,
  redirectUri: string,
): Promise<LocalOidcProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  let currentSubject = Object.keys(users)[0] ?? '';

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        client_secret: OIDC_CLIENT_SECRET,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: async (_context: unknown, subject: string) => {
      const user = users[subject];
      if (!user) return undefined;
      return {
        accountId: subject,
        claims: async () => ({
          sub: subject,
          email: user.email,
          email_verified: user.emailVerified ?? true,
          name: subject,
        }),
      };
    },
    interactions: {
      url: (_context: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['khoa-cookie-cua-nha-cung-cap-thu-nghiem'] },
  });
  const handleProvider = provider.callback();

  const server: Server = createServer((request, response) => {
    if (!request.url?.startsWith('/interaction/')) {
      handleProvider(request, response);
      return;
    }
    void (async () => {
      const details = await provider.interactionDetails(request, response);
      if (details.prompt.name === 'login') {
        await provider.interactionFinished(
          request,
          response,
          { login: { accountId: currentSubject } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      const grant = new provider.Grant({
        accountId: details.session?.accountId ?? currentSubject,
        clientId: OIDC_CLIENT_ID,
      });
      grant.addOIDCScope(details.params.scope ?? 'openid');
      const grantId = await grant.save();
      await provider.interactionFinished(
        request,
        response,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
    })().catch((error: unknown) => {
      response.statusCode = 500;
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  return {
    issuer,
    loginAs(subject) {
      currentSubject = subject;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Follows redirects across the provider like a browser with its own cookie jar, until the URL starts with `stopAt`. */
export async function followToCallback(startUrl: string, stopAt: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = startUrl;
  for (let hop = 0; hop < 12; hop++) {
    if (url.startsWith(stopAt)) return url;
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const separator = pair!.indexOf('=');
      jar.set(pair!.slice(0, separator).trim(), pair!.slice(separator + 1));
    }
    const location = response.headers.get('location');
    if (!location)
      throw new Error(
        `The provider stopped at ${url} with ${response.status}: ${(await response.text()).slice(0, 300)}`,
      );
    url = new URL(location, url).href;
  }
  throw new Error(`No redirect to ${stopAt} within 12 hops.`);
}
