#!/usr/bin/env node
/**
 * `npm run seed -- [--members N] [--service-points N] [--service-records M] [--cases N] [--reset] [--remove-demo-accounts]`
 * Seeds the configured database (QJ_DATA_DIR / DATABASE_URL) through packages/server/src/cli/seed.ts.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'packages/server/src/cli/seed.ts'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));
