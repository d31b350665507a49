/**
 * The deterministic first-run seed: the real org tree, fictional people and places, ratings, task histories,
 * mediation cases, demo accounts and the demo embed key. Everything comes from one fixed PRNG seed, so two runs
 * with the same sizes produce the same rows. Inserts run in batches inside transactions.
 */
import { sql, type Kysely } from 'kysely';
import { defaultSeedSize, type SeedSize } from '../config.js';
import type { DatabaseHandle } from '../db/connection.js';
import type { Database } from '../db/schema.js';
import { hashPassword } from '../auth/password.js';
import { hashToken } from '../auth/hash.js';
import { rebuildActivity } from '../repositories/activity.js';
import { appendAudit } from '../repositories/audit.js';
import { nowIso } from '../lib/canonical.js';
import { DEMO_EMBED_KEY_ID, DEMO_EMBED_KEY_ORIGINS, demoAccounts } from './demo.js';
import { buildCases } from './mediation.js';
import { buildOrgTree } from './org-tree.js';
import { buildMembers, buildServicePoints, buildServiceRecords, centreUnitsOnPoints, placeUnits } from './people.js';
import { Random } from './prng.js';
import { buildRatings } from './ratings.js';
import { buildTasks } from './tasks.js';

export const SEED = 0x4451_2024;

export interface SeedOptions extends Partial<SeedSize> {
  demoPassword: string;
  demoEmbedKey: string;
  /** Called as rows are written: phase label, rows done in the phase, phase total, overall fraction. */
  onProgress?: (progress: SeedProgress) => void;
}

export interface SeedProgress {
  phase: string;
  done: number;
  total: number;
  fraction: number;
}

export interface SeedResult {
  counts: Record<string, number>;
  ms: number;
}

/** Tables in delete order for `--reset`. */
export const allTables = [
  'idempotency_keys', 'events', 'audit_log', 'embed_keys', 'refresh_tokens', 'login_failures', 'users', 'case_counters',
  'mediation_cases', 'ratings', 'service_point_activity', 'service_records', 'service_points', 'members', 'progress_updates', 'tasks',
  'party_organizations', 'org_units', 'meta',
] as const;

export async function isSeeded(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'seed').executeTakeFirst();
  return !!row;
}

export async function resetDatabase(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const table of allTables) await trx.deleteFrom(table).execute();
  });
}

/** Rows per INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const BATCH = 400;

export async function seedDatabase(handle: DatabaseHandle, options: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const size: SeedSize = {
    members: options.members ?? defaultSeedSize.members,
    servicePoints: options.servicePoints ?? defaultSeedSize.servicePoints,
    serviceRecords: options.serviceRecords ?? defaultSeedSize.serviceRecords,
    mediationCases: options.mediationCases ?? defaultSeedSize.mediationCases,
  };
  const random = new Random(SEED);
  const tree = buildOrgTree(random.fork(1));
  const shapes = placeUnits(tree, random.fork(2));
  const memberAccount = demoAccounts.find((account) => account.role === 'member');
  const members = buildMembers(tree, size.members, random.fork(3), memberAccount ? [memberAccount.orgUnitId] : []);
  const points = buildServicePoints(tree, shapes, size.servicePoints, random.fork(4));
  centreUnitsOnPoints(tree, points);
  const records = buildServiceRecords(points, members, size.serviceRecords, random.fork(5));
  const ratings = buildRatings(tree, random.fork(6));
  const { tasks, updates } = buildTasks(random.fork(8), 'u-city-admin');
  const { cases, counters } = buildCases(tree, size.mediationCases, random.fork(9), 'u-qiaodong-mediator');
  const linkedMember = members.find((member) => member.org_unit_id === memberAccount?.orgUnitId) ?? null;
  const createdAt = nowIso();

  const orgUnits = tree.units.map(({ districtCode: _district, townName: _town, ...row }) => row);
  const phases: Array<{ label: string; table: keyof Database; rows: ReadonlyArray<object> }> = [
    { label: 'org units', table: 'org_units', rows: orgUnits },
    { label: 'party organisations', table: 'party_organizations', rows: tree.partyOrganizations },
    { label: 'members', table: 'members', rows: members },
    { label: 'service points', table: 'service_points', rows: points },
    { label: 'service records', table: 'service_records', rows: records },
    { label: 'ratings', table: 'ratings', rows: ratings },
    { label: 'tasks', table: 'tasks', rows: tasks },
    { label: 'progress updates', table: 'progress_updates', rows: updates },
    { label: 'mediation cases', table: 'mediation_cases', rows: cases },
    { label: 'case counters', table: 'case_counters', rows: counters },
  ];
  const accountsWork = demoAccounts.length + 1;
  const totalRows = phases.reduce((sum, phase) => sum + phase.rows.length, 0) + accountsWork;
  let written = 0;
  const report = (phase: string, done: number, total: number) =>
    options.onProgress?.({ phase, done, total, fraction: totalRows === 0 ? 1 : written / totalRows });

  for (const phase of phases) {
    report(phase.label, 0, phase.rows.length);
    await handle.db.transaction().execute(async (trx) => {
      for (let start = 0; start < phase.rows.length; start += BATCH) {
        const batch = phase.rows.slice(start, start + BATCH);
        // The row shapes come from the table types above; Kysely cannot follow the union of tables here.
        await trx.insertInto(phase.table).values(batch as never).execute();
        written += batch.length;
        report(phase.label, Math.min(start + BATCH, phase.rows.length), phase.rows.length);
      }
      // The map's activity summary is derived from the records, in the transaction that wrote them.
      if (phase.table === 'service_records') await rebuildActivity(trx, handle.dialect);
    });
  }

  report('demo accounts', 0, accountsWork);
  const hashes = await Promise.all(demoAccounts.map(() => hashPassword(options.demoPassword)));
  await handle.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('users')
      .values(
        demoAccounts.map((account, index) => ({
          id: account.id,
          username: account.username,
          display_name: account.displayName,
          role: account.role,
          org_unit_id: account.orgUnitId,
          org_path: tree.byId.get(account.orgUnitId)!.path,
          password_hash: hashes[index]!,
          member_id: account.role === 'member' ? (linkedMember?.id ?? null) : null,
          demo: 1,
          disabled: 0,
          created_at: createdAt,
        })),
      )
      .execute();
    await trx
      .insertInto('embed_keys')
      .values({
        id: DEMO_EMBED_KEY_ID,
        name: '演示嵌入密钥 · demo embed key',
        key_hash: hashToken(options.demoEmbedKey),
        origins: JSON.stringify(DEMO_EMBED_KEY_ORIGINS),
        org_unit_id: '4451',
        org_path: '/4451/',
        demo: 1,
        revoked_at: null,
        created_at: createdAt,
      })
      .execute();
    written += accountsWork;
    const counts = Object.fromEntries(phases.map((phase) => [phase.table, phase.rows.length]));
    await appendAudit(trx, { actor: 'system:seed', action: 'seed', entity: 'database', entityId: 'seed', after: { seed: SEED, size, counts } });
    await trx.insertInto('meta').values({ key: 'seed', value: JSON.stringify({ seed: SEED, size, at: createdAt }) }).execute();
  });
  report('done', accountsWork, accountsWork);
  if (handle.dialect === 'postgres') await sql`analyze`.execute(handle.db);
  else await sql`pragma optimize`.execute(handle.db);
  return { counts: Object.fromEntries(phases.map((phase) => [phase.label, phase.rows.length])), ms: Date.now() - started };
}

/** Removes demo accounts, their refresh tokens and the demo embed key (before a production start). */
export async function removeDemoAccounts(db: Kysely<Database>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const users = await trx.selectFrom('users').select('id').where('demo', '=', 1).execute();
    if (users.length > 0) await trx.deleteFrom('refresh_tokens').where('user_id', 'in', users.map((user) => user.id)).execute();
    await trx.deleteFrom('users').where('demo', '=', 1).execute();
    const keys = await trx.deleteFrom('embed_keys').where('demo', '=', 1).executeTakeFirst();
    await appendAudit(trx, { actor: 'system:seed', action: 'remove_demo_accounts', entity: 'users', entityId: 'demo', after: { users: users.length } });
    return users.length + Number(keys.numDeletedRows);
  });
}
