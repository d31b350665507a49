/**
 * Seed CLI (root: `npm run seed -- …`). Seeds the database of QJ_DATA_DIR / DATABASE_URL.
 *   --members N  --service-points N  --service-records M  --cases N   sizes (defaults: see config.ts)
 *   --reset                    delete all data first (otherwise an already seeded database is left alone)
 *   --remove-demo-accounts     delete demo accounts and the demo embed key (before a production start)
 */
import { parseArgs } from 'node:util';
import { openMigrated } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { isSeeded, removeDemoAccounts, resetDatabase, seedDatabase } from '../seed/index.js';
import { progressReporter } from '../seed/progress.js';

const count = (value: string | undefined, name: string): number | undefined => {
  if (value === undefined) return undefined;
  if (!/^\d{1,8}$/.test(value)) throw new Error(`--${name} must be a whole number`);
  return Number(value);
};

async function run(): Promise<number> {
  const { values } = parseArgs({
    options: {
      members: { type: 'string' },
      'service-points': { type: 'string' },
      'service-records': { type: 'string' },
      cases: { type: 'string' },
      reset: { type: 'boolean', default: false },
      'remove-demo-accounts': { type: 'boolean', default: false },
    },
  });
  const sizes = {
    members: count(values.members, 'members'),
    servicePoints: count(values['service-points'], 'service-points'),
    serviceRecords: count(values['service-records'], 'service-records'),
    mediationCases: count(values.cases, 'cases'),
  };
  const config = loadConfig();
  const handle = await openMigrated(config);
  try {
    if (values['remove-demo-accounts']) {
      const removed = await removeDemoAccounts(handle.db);
      process.stderr.write(`removed ${removed} demo account(s)/key(s)\n`);
      return 0;
    }
    if (await isSeeded(handle.db)) {
      if (!values.reset) {
        process.stderr.write('the database is already seeded; use --reset to replace its data\n');
        return 0;
      }
      await resetDatabase(handle.db);
    }
    const result = await seedDatabase(handle, {
      ...sizes,
      demoPassword: config.demoPassword,
      demoEmbedKey: config.demoEmbedKey,
      onProgress: progressReporter(),
    });
    const summary = Object.entries(result.counts).map(([name, rows]) => `${name} ${rows.toLocaleString('en-US')}`).join(', ');
    process.stderr.write(`seeded in ${(result.ms / 1000).toFixed(1)} s: ${summary}\n`);
    return 0;
  } finally {
    await handle.destroy();
  }
}

run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
