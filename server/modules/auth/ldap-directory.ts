import { Client, InvalidCredentialsError } from 'ldapts';
import { AppError } from '../../http/app-error.ts';
import type { LdapOptions } from './sign-in-options.ts';

/** The result of checking a password against the directory. */
export type DirectoryVerdict = 'ok' | 'wrong_password' | 'no_entry';

const FILTER_SPECIALS = new Set(['\\', '*', '(', ')', '\u0000']);

/** Escapes a value for an LDAP search filter (RFC 4515): \ * ( ) and NUL. */
export function escapeFilterValue(value: string): string {
  let escaped = '';
  for (const character of value) {
    escaped += FILTER_SPECIALS.has(character)
      ? `\\${character.charCodeAt(0).toString(16).padStart(2, '0')}`
      : character;
  }
  return escaped;
}

/**
 * Checks official e-mail and password against the province directory by search and bind: find
 * the one entry whose filter matches the e-mail (as LDAP_BIND_DN, or anonymously), then bind as
 * that entry with the password. The directory owns the password; HoSo stores none of it.
 */
export class LdapDirectory {
  readonly #options: LdapOptions;

  constructor(options: LdapOptions) {
    this.#options = options;
  }

  async verify(email: string, password: string): Promise<DirectoryVerdict> {
    // An empty password would make an unauthenticated bind succeed (RFC 4513, section 5.1.2).
    if (password.length === 0) return 'wrong_password';

    const client = new Client({
      url: this.#options.url,
      timeout: this.#options.timeoutMs,
      connectTimeout: this.#options.timeoutMs,
    });
    try {
      if (this.#options.bindDn) await client.bind(this.#options.bindDn, this.#options.bindPassword ?? '');
      const filter = this.#options.searchFilter.replaceAll('{email}', escapeFilterValue(email));
      const { searchEntries } = await client.search(this.#options.searchBase, {
        scope: 'sub',
        filter,
        attributes: ['dn'],
        sizeLimit: 2,
      });
      if (searchEntries.length !== 1) return 'no_entry';

      try {
        await client.bind(searchEntries[0]!.dn, password);
        return 'ok';
      } catch (error) {
        if (error instanceof InvalidCredentialsError) return 'wrong_password';
        throw error;
      }
    } catch (error) {
      throw new AppError('DIRECTORY_UNAVAILABLE', { cause: error });
    } finally {
      await client.unbind().catch(() => {});
    }
  }
}
