import { lazy, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../../../common/roles.ts';
import { PageSpinner } from '../components/PageSpinner.tsx';
import { holdsAnyRole } from './roles.ts';
import { useSession } from './SessionProvider.tsx';

const ForbiddenPage = lazy(() =>
  import('../pages/StatusPages.tsx').then((module) => ({ default: module.ForbiddenPage })),
);

/** Where the sign-in page returns to, passed in the router's location state. */
export interface ReturnState {
  from?: string;
}

/**
 * Shows its children only to a signed-in account. Without a session it goes to the sign-in page
 * (remembering where the user was). A session that still owes its TOTP code goes to the
 * second-factor page, and an account that must change its default password goes to the password
 * page, before anything else, as the server refuses everything else until then.
 */
export function RequireSession({
  children,
  allowPasswordChange = false,
  allowSecondFactor = false,
}: {
  children: ReactNode;
  allowPasswordChange?: boolean;
  allowSecondFactor?: boolean;
}) {
  const { session, loading } = useSession();
  const location = useLocation();

  if (loading) return <PageSpinner />;
  if (!session) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/sign-in" replace state={{ from } satisfies ReturnState} />;
  }
  if (session.secondFactor) return allowSecondFactor ? children : <Navigate to="/second-factor" replace />;
  if (session.mustChangePassword && !allowPasswordChange) return <Navigate to="/change-password" replace />;
  return children;
}

/** Shows its children only to accounts holding one of the roles (all accounts when roles is absent). */
export function RequireRoles({
  roles,
  children,
}: {
  roles: readonly Role[] | undefined;
  children: ReactNode;
}) {
  const { session } = useSession();
  if (!session || !holdsAnyRole(session, roles)) return <ForbiddenPage />;
  return children;
}
