import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const WEB = join(ROOT, 'apps/web');
const BUILT = join(WEB, 'dist/index.html');
const SOURCES = ['index.html', 'vite.config.mts', 'tsconfig.json', 'src', 'public'].map((p) => join(WEB, p));

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

/**
 * The browser tests drive the production build that the API serves. Builds it (vite build, about two
 * seconds) only when apps/web/dist is missing or older than the web sources or the lockfile.
 */
export function ensureWebBuild() {
  const builtAt = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;
  const sourcesAt = Math.max(...SOURCES.map(newest), newest(join(ROOT, 'package-lock.json')));
  if (builtAt >= sourcesAt) return false;
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      join(WEB, 'vite.config.mts'),
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return true;
}
