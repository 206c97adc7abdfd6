import { limits } from '../../../common/limits.ts';

// Failed sign-ins for e-mails that have no account, kept in memory so that an unknown address
// locks exactly like a real one and the answers cannot tell the two apart. Bounded so that a
// flood of random addresses cannot grow it without limit.
const MAX_TRACKED = 10_000;

interface Entry {
  failures: number;
  lockedUntil: number;
}

export class UnknownAccountThrottle {
  private readonly entries = new Map<string, Entry>();

  isLocked(email: string, now = Date.now()): boolean {
    const entry = this.entries.get(email);
    return entry !== undefined && entry.lockedUntil > now;
  }

  recordFailure(email: string, now = Date.now()): void {
    const entry = this.entries.get(email) ?? { failures: 0, lockedUntil: 0 };
    if (entry.lockedUntil && entry.lockedUntil <= now) {
      entry.failures = 0;
      entry.lockedUntil = 0;
    }
    entry.failures += 1;
    if (entry.failures >= limits.maxFailedSignIns) entry.lockedUntil = now + limits.lockMinutes * 60_000;
    this.entries.delete(email);
    this.entries.set(email, entry);
    if (this.entries.size > MAX_TRACKED) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
