/**
 * `npm run audit:verify`: walks the hash-chained audit log of QJ_DATA_DIR / DATABASE_URL. Exits 0 when the chain
 * is intact, 1 naming the first broken seq, 2 when the database cannot be read.
 */
import { openMigrated } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { verifyAuditChain } from '../repositories/audit.js';

async function run(): Promise<number> {
  const handle = await openMigrated(loadConfig());
  try {
    const result = await verifyAuditChain(handle.db);
    if (result.ok) {
      process.stdout.write(`audit log intact: ${result.count} row(s), head ${result.lastHash.slice(0, 16)}…\n`);
      return 0;
    }
    process.stdout.write(`audit log BROKEN at seq ${result.brokenSeq}: ${result.reason} (${result.count} row(s) verified before it)\n`);
    return 1;
  } finally {
    await handle.destroy();
  }
}

run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit:verify failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
