import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const LDAP_SUFFIX = 'dc=tinh-thu-nghiem,dc=gov,dc=vn';
export const LDAP_ADMIN_DN = `cn=admin,${LDAP_SUFFIX}`;
export const LDAP_ADMIN_PASSWORD = 'mat-khau-quan-tri-ldap';

export interface DirectoryPerson {
  uid: string;
  email: string;
  password: string;
}

export interface LocalSlapd {
  url: string;
  searchBase: string;
  close(): Promise<void>;
}

const SLAPD = '/usr/sbin/slapd';
const SLAPADD = '/usr/sbin/slapadd';

/** Returns a TCP port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('No free port on 127.0.0.1.');
  return address.port;
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`slapd exited with code ${child.exitCode} before it listened.`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`slapd did not listen on 127.0.0.1:${port} within ${timeoutMs} ms.`);
}

/**
 * Starts Debian's slapd on 127.0.0.1 with a configuration and an mdb database in a temporary
 * folder, loaded with the given people under ou=people. Needs the Debian packages slapd and
 * ldap-utils.
 */
export async function startLocalSlapd(people: DirectoryPerson[]): Promise<LocalSlapd> {
  if (!existsSync(SLAPD) || !existsSync(SLAPADD))
    throw new Error('slapd is missing: apt-get install slapd ldap-utils');

  const folder = mkdtempSync(join(tmpdir(), 'hoso-slapd-'));
  mkdirSync(join(folder, 'data'));
  const config = join(folder, 'slapd.conf');
  writeFileSync(
    config,
    [
      'include /etc/ldap/schema/core.schema',
      'include /etc/ldap/schema/cosine.schema',
      'include /etc/ldap/schema/inetorgperson.schema',
      `pidfile ${join(folder, 'slapd.pid')}`,
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      'database mdb',
      `suffix "${LDAP_SUFFIX}"`,
      `rootdn "${LDAP_ADMIN_DN}"`,
      `rootpw ${LDAP_ADMIN_PASSWORD}`,
      `directory ${join(folder, 'data')}`,
      'maxsize 10485760',
      // People may read entries anonymously, but nobody may read passwords except by binding.
      'access to attrs=userPassword by anonymous auth by * none',
      'access to * by * read',
      '',
    ].join('\n'),
  );

  const entries = [
    `dn: ${LDAP_SUFFIX}\nobjectClass: dcObject\nobjectClass: organization\no: Tinh Thu Nghiem\ndc: tinh-thu-nghiem`,
    `dn: ou=people,${LDAP_SUFFIX}\nobjectClass: organizationalUnit\nou: people`,
    ...people.map(
      (person) =>
        `dn: uid=${person.uid},ou=people,${LDAP_SUFFIX}\nobjectClass: inetOrgPerson\nuid: ${person.uid}\ncn: ${person.uid}\nsn: ${person.uid}\nmail: ${person.email}\nuserPassword: ${person.password}`,
    ),
  ];
  const ldif = join(folder, 'people.ldif');
  writeFileSync(ldif, `${entries.join('\n\n')}\n`);
  execFileSync(SLAPADD, ['-f', config, '-l', ldif], { stdio: 'pipe' });

  const port = await freePort();
  // -d keeps slapd in the foreground, so that the test owns the process and can stop it.
  const child = spawn(SLAPD, ['-f', config, '-h', `ldap://127.0.0.1:${port}/`, '-d', '0'], {
    stdio: 'ignore',
  });
  try {
    await waitForPort(port, child, 15_000);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }

  return {
    url: `ldap://127.0.0.1:${port}`,
    searchBase: `ou=people,${LDAP_SUFFIX}`,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
