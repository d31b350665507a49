/** Small statistics and output helpers shared by the bench steps. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './server-process.js';

/** The q-quantile (0–1) of the values, nearest-rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

export const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** Writes `.bench/<name>.json` (git-ignored) and returns its path. */
export function writeResult(name: string, result: unknown): string {
  const dir = join(repoRoot, '.bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ measuredAt: new Date().toISOString(), ...(result as object) }, null, 2)}\n`);
  return file;
}

/** Logs a progress line of a bench step on stderr (stdout stays for the step's summary). */
export const log = (message: string): void => void process.stderr.write(`  ${message}\n`);

/** Times an async phase. */
export async function timed<T>(label: string, phases: Record<string, number>, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    phases[label] = round((performance.now() - started) / 1000, 1);
    log(`${label}: ${phases[label]} s`);
  }
}
