import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { SessionInfo } from '../../../common/schemas/auth.ts';
import { ApiError, api, onUnauthenticated, setCsrfToken } from '../api/client.ts';
import { clearIdleDeadline, restartIdleDeadline } from './idle-clock.ts';

/** Why the last session ended, shown on the sign-in page. */
export type SessionEndReason = 'expired' | 'signed_out' | null;

interface SessionContextValue {
  /** The signed-in account, or null when nobody is signed in. */
  session: SessionInfo | null;
  loading: boolean;
  endReason: SessionEndReason;
  /** Stores the session returned by sign-in or password change. */
  acceptSession(session: SessionInfo): void;
  /** Ends the session on the server (when it still exists) and forgets it here. */
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
  const query = useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
  const session = query.data ?? null;

  useEffect(() => {
    setCsrfToken(session?.csrfToken ?? null);
  }, [session]);

  const forget = useCallback(
    (reason: SessionEndReason) => {
      setCsrfToken(null);
      clearIdleDeadline();
      setEndReason(reason);
      // Cached data of the old account must not show to the next one.
      queryClient.removeQueries({ predicate: (cached) => cached.queryKey[0] !== SESSION_QUERY_KEY[0] });
      queryClient.setQueryData(SESSION_QUERY_KEY, null);
    },
    [queryClient],
  );

  const acceptSession = useCallback(
    (next: SessionInfo) => {
      setCsrfToken(next.csrfToken);
      restartIdleDeadline(next.idleMinutes);
      setEndReason(null);
      queryClient.setQueryData(SESSION_QUERY_KEY, next);
    },
    [queryClient],
  );

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
      if (queryClient.getQueryData(SESSION_QUERY_KEY)) forget('expired');
    });
    return () => onUnauthenticated(null);
  }, [forget, queryClient]);

  const value = useMemo(
    () => ({ session, loading: query.isPending, endReason, acceptSession, signOut }),
    [session, query.isPending, endReason, acceptSession, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>.');
  return value;
}

/** The signed-in account, for pages that RequireSession already guards. */
export function useSignedInSession(): SessionInfo {
  const { session } = useSession();
  if (!session) throw new Error('useSignedInSession called without a signed-in account.');
  return session;
}
