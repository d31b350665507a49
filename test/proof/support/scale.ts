/**
 * Sizes of the proof suites. `npm test` runs the fast variant; `npm run test:soak` (scripts/soak.mjs) sets
 * QJ_SOAK=1 for the full sizes the README quotes. Single values can be overridden for a local run, e.g.
 * QJ_FUZZ_RUNS=2000 npm run test:node -- test/proof/fuzz.
 */
export const soak = process.env.QJ_SOAK === '1';

const int = (name: string, fallback: number): number => {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} must be a positive whole number, got ${JSON.stringify(value)}`);
  return parsed;
};

export const scale = {
  /** fast-check cases per endpoint on SQLite (the issue: ≥ 500 in test, ≥ 10,000 in soak). */
  fuzzRuns: int('QJ_FUZZ_RUNS', soak ? 10_000 : 500),
  /** Cases per endpoint on PostgreSQL (a second dialect catches what SQLite forgives, e.g. NUL bytes in text). */
  fuzzRunsPostgres: int('QJ_FUZZ_RUNS_PG', soak ? 2_000 : 60),
  /** Concurrent clients and seconds of the read load (the issue: 200 clients for 60 s in soak). */
  loadClients: int('QJ_LOAD_CLIENTS', soak ? 200 : 20),
  loadSeconds: int('QJ_LOAD_SECONDS', soak ? 60 : 5),
  /** Concurrent writers and how long they write before SIGTERM arrives. */
  writers: int('QJ_WRITERS', soak ? 32 : 8),
  writeMsBeforeSigterm: int('QJ_WRITE_MS', soak ? 8_000 : 1_500),
};
