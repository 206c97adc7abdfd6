// `npm start`: builds the web client when it has not been built yet, then starts the server.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
if (!existsSync(resolve(root, 'web/dist/index.html'))) {
  console.log('Đang dựng giao diện web (lần đầu) / Building the web client (first run)…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await import('../server/main.ts');
