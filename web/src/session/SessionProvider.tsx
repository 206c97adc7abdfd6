import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { SessionInfo } from '../../../common/schemas/auth.ts';
import { ApiError, api, onUnauthenticated, setCsrfToken } from '../api/client.ts';
import { clearIdleDeadline, restartIdleDeadline } from './idle-clock.ts';

/**
 * Reason the last session ended, shown on the sign-in page. 'second_factor_failed': the server
 * ended the session after too many wrong TOTP codes.
 */
export type SessionEndReason = 'expired' | 'signed_out' | 'second_factor_failed' | null;

interface SessionContextValue {
  /** The signed-in account, or null when nobody is signed in. */
  session: SessionInfo | null;
  loading: boolean;
  endReason: SessionEndReason;
  /** Stores the session returned by sign-in or password change. */
  acceptSession(session: SessionInfo): void;
  /** Ends the session on the server (when it still exists) and clears it from the client. */
  signOut(reason: Exclude<SessionEndReason, null>): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);
export const SESSION_QUERY_KEY = ['session'] as const;

async function fetchSession(): Promise<SessionInfo | null> {
  try {
    const session = await api.get<SessionInfo>('/api/auth/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [endReason, setEndReason] = useState<SessionEndReason>(null);
  // The session of the page load comes from the server once. Sign-in, password change and sign-out
  // then set it as React state, so that it changes in the same render as the navigation after them.
  // A TanStack Query cache update arrives a task later, and a route guard could act on the old
  // session in between.
  const initial = useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
  const [changed, setChanged] = useState<{ session: SessionInfo | null } | null>(null);
  const session = changed ? changed.session : (initial.data ?? null);
  const sessionRef = useRef(session);

  useEffect(() => {
    sessionRef.current = session;
    setCsrfToken(session?.csrfToken ?? null);
  }, [session]);

  const forget = useCallback(
    (reason: SessionEndReason) => {
      setCsrfToken(null);
      clearIdleDeadline();
      setEndReason(reason);
      setChanged({ session: null });
      // Cached data of the old account must not show to the next one.
      queryClient.removeQueries({ predicate: (cached) => cached.queryKey[0] !== SESSION_QUERY_KEY[0] });
    },
    [queryClient],
  );

  const acceptSession = useCallback((next: SessionInfo) => {
    setCsrfToken(next.csrfToken);
    restartIdleDeadline(next.idleMinutes);
    setEndReason(null);
    setChanged({ session: next });
  }, []);

  const signOut = useCallback(
    async (reason: Exclude<SessionEndReason, null>) => {
      try {
        await api.post('/api/auth/sign-out');
      } catch {
        // The session may already be gone on the server; either way it ends here.
      }
      forget(reason);
    },
    [forget],
  );

  useEffect(() => {
    onUnauthenticated(() => {
      if (sessionRef.current) forget('expired');
    });
    return () => onUnauthenticated(null);
  }, [forget]);

  const loading = !changed && initial.isPending;
  const value = useMemo(
    () => ({ session, loading, endReason, acceptSession, signOut }),
    [session, loading, endReason, acceptSession, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>.');
  return value;
}

/** Returns the signed-in account, for pages that RequireSession already guards. */
export function useSignedInSession(): SessionInfo {
  const { session } = useSession();
  if (!session) throw new Error('useSignedInSession called without a signed-in account.');
  return session;
}
