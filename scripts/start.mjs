#!/usr/bin/env node
/**
 * `npm start`: builds the drop-in bundle (dist/cdn) when it is missing and can be built, then runs the API server
 * (packages/server/src/main.ts through tsx) with this process's stdio, forwarding SIGTERM/SIGINT so the server can
 * drain in-flight requests and close its database cleanly.
 *   PORT (8080), QJ_DATA_DIR (./data), DATABASE_URL (postgres://… for PostgreSQL) — see packages/server/README.md.
 *   QJ_SKIP_BUILD=1 skips the bundle build.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function buildBundleIfNeeded() {
  if (process.env.QJ_SKIP_BUILD === '1' || existsSync(join(root, 'dist/cdn'))) return;
  if (!existsSync(join(root, 'vite.config.ts'))) return;
  const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts ?? {};
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const [command, args] = scripts['build:cdn']
    ? [npm, ['run', 'build:cdn', '--', '--no-size']]
    : [process.platform === 'win32' ? 'npx.cmd' : 'npx', ['vite', 'build']];
  process.stderr.write(`building the drop-in bundle (dist/cdn): ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env } });
  if (result.status !== 0) process.stderr.write('note: the bundle build failed; starting the API without /cdn/ (run `npm run build:cdn` to see why)\n');
}

buildBundleIfNeeded();

const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'packages/server/src/main.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
  process.stderr.write(`could not start the server: ${error.message}\n`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 1)));
