import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ScenarioResult } from './context.ts';

// The JavaScript a browser downloads before the first screen: every script and modulepreload
// that web/dist/index.html names, gzip-compressed at zlib's default level (what `gzip` does
// without options). Chunks loaded later by a route are not counted.

export const WEB_DIST = resolve(import.meta.dirname, '../../web/dist');

/** Lists the JavaScript and CSS files that index.html loads directly. */
export function initialAssets(indexHtml: string): { scripts: string[]; styles: string[] } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const match of indexHtml.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) scripts.add(match[1]!);
  for (const match of indexHtml.matchAll(/<link\b[^>]*>/g)) {
    const tag = match[0];
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (!href) continue;
    if (/\brel="modulepreload"/.test(tag)) scripts.add(href);
    if (/\brel="stylesheet"/.test(tag)) styles.add(href);
  }
  return { scripts: [...scripts], styles: [...styles] };
}

function sizes(files: string[], dist: string) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(resolve(dist, `.${file.startsWith('/') ? file : `/${file}`}`));
    raw += content.length;
    gzip += gzipSync(content).length;
  }
  return { raw, gzip };
}

export function clientSize(dist: string = WEB_DIST): ScenarioResult {
  const id = 'client_initial_js';
  const title = 'Initial JavaScript of the web client (gzip)';
  const indexPath = resolve(dist, 'index.html');
  if (!existsSync(indexPath))
    return { id, title, status: 'not_available', reason: `${indexPath} is missing: run npm run build` };

  const { scripts, styles } = initialAssets(readFileSync(indexPath, 'utf8'));
  const js = sizes(scripts, dist);
  const css = sizes(styles, dist);
  return {
    id,
    title,
    status: 'measured',
    metrics: {
      scripts: scripts.length,
      jsBytes: js.raw,
      jsGzipBytes: js.gzip,
      cssBytes: css.raw,
      cssGzipBytes: css.gzip,
      builtAt: statSync(indexPath).mtime.toISOString(),
    },
  };
}
