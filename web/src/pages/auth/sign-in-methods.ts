import { useQuery } from '@tanstack/react-query';
import type { SessionInfo } from '../../../../common/schemas/auth.ts';
import type { SignInMethods } from '../../../../common/schemas/sign-in-options.ts';
import { api } from '../../api/client.ts';

/** Where single sign-on starts; the server redirects the browser to the provider from there. */
export const SSO_START_PATH = '/api/auth/oidc/start';

/** Which sign-in options the server has turned on (GET /api/auth/methods). */
export function useSignInMethods() {
  return useQuery({
    queryKey: ['auth-methods'],
    queryFn: () => api.get<SignInMethods>('/api/auth/methods'),
    // The options come from the server's environment and change only with a restart.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * The page a signed-in account must see next. The TOTP step comes first because the server
 * refuses everything else, the password change included, until the code arrives.
 */
export function nextPathAfterSignIn(session: SessionInfo, returnTo: string): string {
  if (session.secondFactor) return '/second-factor';
  if (session.mustChangePassword) return '/change-password';
  return returnTo;
}
