import { spawn } from 'node:child_process';

/**
 * Runs one command with inherited output, passing SIGINT/SIGTERM on to it, and resolves with its exit code
 * (128 when a signal ended it, 127 when it could not start). Shared by scripts/bench.mjs and scripts/soak.mjs.
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} [options]
 * @returns {Promise<number>}
 */
export function runChild(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    const forward = (signal) => child.kill(signal);
    process.once('SIGINT', forward);
    process.once('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 128 : 1));
    });
    child.on('error', () => resolve(127));
  });
}
