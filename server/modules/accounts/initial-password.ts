import { randomInt } from 'node:crypto';
import { passwordPolicyViolations } from '../auth/password.ts';

// Letters and digits that cannot be mistaken for one another when read aloud or copied from
// paper: no 0/O, 1/l/I.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/**
 * Generates a default password such as "Xk7p-Rt4m-Qa9z": 12 random characters from a 57-character
 * alphabet (about 70 bits) in groups of four, which passes the password policy for the account.
 */
export function generateInitialPassword(email: string): string {
  for (;;) {
    const groups: string[] = [];
    for (let group = 0; group < GROUPS; group += 1) {
      let text = '';
      for (let index = 0; index < GROUP_LENGTH; index += 1) text += ALPHABET[randomInt(ALPHABET.length)];
      groups.push(text);
    }
    const password = groups.join('-');
    if (passwordPolicyViolations(password, email).length === 0) return password;
  }
}
