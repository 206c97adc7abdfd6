import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { limits } from '../../../common/limits.ts';
import { api } from '../api/client.ts';
import { idleDeadline, subscribeIdleDeadline } from './idle-clock.ts';
import { useSession } from './SessionProvider.tsx';

// The dialog is loaded only when a warning is due, which keeps antd's Modal out of the first load.
const IdleWarningDialog = lazy(() => import('./IdleWarningDialog.tsx'));

const WARNING_MS = limits.sessionWarningMinutes * 60_000;

/**
 * Warns two minutes before the session ends for lack of activity. "Tiếp tục làm việc" sends a
 * request, which moves the deadline; when the deadline passes, the session is ended and the user
 * returns to the sign-in page with a message.
 */
export function IdleWarning() {
  const { session, signOut } = useSession();
  const deadline = useSyncExternalStore(subscribeIdleDeadline, idleDeadline);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!session || deadline === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [session, deadline]);

  const remaining = deadline === null ? Number.POSITIVE_INFINITY : deadline - now;

  useEffect(() => {
    if (session && remaining <= 0) void signOut('expired');
  }, [session, remaining, signOut]);

  if (!session || remaining > WARNING_MS || remaining <= 0) return null;
  return (
    <Suspense fallback={null}>
      <IdleWarningDialog
        remainingMs={remaining}
        onContinue={async () => {
          await api.get('/api/auth/session');
        }}
        onSignOut={() => void signOut('signed_out')}
      />
    </Suspense>
  );
}
