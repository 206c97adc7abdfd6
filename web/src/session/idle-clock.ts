// When the current session ends if no further request arrives, as a local timestamp in
// milliseconds. Every authenticated response moves it forward; tabs share it through
// localStorage, so activity in one tab keeps the others from warning or signing out.

export const IDLE_EXPIRES_HEADER = 'x-session-idle-expires-at';
const STORAGE_KEY = 'hoso.sessionIdleDeadline';

// The server records a session's last activity at most every 30 seconds, so the session can end
// up to 30 seconds before the time in the header. The client counts from that earlier time.
const SERVER_TOUCH_SLACK_MS = 30_000;

let deadline: number | null = null;
const listeners = new Set<() => void>();

function publish(next: number | null, share: boolean): void {
  deadline = next;
  if (share) {
    if (next === null) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, String(next));
  }
  for (const listener of listeners) listener();
}

/**
 * Reads the idle expiry from a response. The remaining time is measured against the response's
 * Date header, so a browser clock that is off does not shift the deadline.
 */
export function observeResponse(response: Response): void {
  const expiresHeader = response.headers.get(IDLE_EXPIRES_HEADER);
  if (!expiresHeader) return;
  const expiresAt = Date.parse(expiresHeader);
  if (Number.isNaN(expiresAt)) return;

  const serverNow = Date.parse(response.headers.get('date') ?? '');
  const remaining = expiresAt - (Number.isNaN(serverNow) ? Date.now() : serverNow);
  const next = Date.now() + remaining - SERVER_TOUCH_SLACK_MS;
  // Responses can arrive out of order; an earlier request never shortens the session.
  if (deadline === null || next > deadline) publish(next, true);
}

/**
 * Starts the idle deadline from a session that the server has just opened or touched (sign-in,
 * password change), whose response carries the idle length in its body rather than the header.
 */
export function restartIdleDeadline(idleMinutes: number): void {
  publish(Date.now() + idleMinutes * 60_000 - SERVER_TOUCH_SLACK_MS, true);
}

/** Forgets the deadline (sign-in, sign-out, expiry). */
export function clearIdleDeadline(): void {
  publish(null, true);
}

export function idleDeadline(): number | null {
  return deadline;
}

export function subscribeIdleDeadline(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY) return;
    const shared = event.newValue === null ? null : Number(event.newValue);
    if (shared === null || Number.isNaN(shared)) return;
    if (deadline === null || shared > deadline) publish(shared, false);
  });
}
