/** The first-run progress line on stderr: `seeding ▕████░░░░▏ 45% org units 1,034/1,089`. */
import type { SeedProgress } from './index.js';

const WIDTH = 24;
const format = (value: number) => value.toLocaleString('en-US');

export function progressLine(progress: SeedProgress): string {
  const filled = Math.round(progress.fraction * WIDTH);
  const bar = '█'.repeat(filled) + '░'.repeat(WIDTH - filled);
  const percent = String(Math.round(progress.fraction * 100)).padStart(3);
  const detail = progress.phase === 'done' ? 'done' : `${progress.phase} ${format(progress.done)}/${format(progress.total)}`;
  return `seeding ▕${bar}▏${percent}% ${detail}`;
}

/**
 * A progress reporter: redraws one line on a terminal (at most every 80 ms), prints one line per phase otherwise
 * (CI logs stay short).
 */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr): (progress: SeedProgress) => void {
  let lastDraw = 0;
  let lastPhase = '';
  return (progress) => {
    const line = progressLine(progress);
    if (stream.isTTY) {
      const now = Date.now();
      if (now - lastDraw < 80 && progress.phase !== 'done' && progress.done !== progress.total) return;
      lastDraw = now;
      stream.write(`\r${line}\x1b[K${progress.phase === 'done' ? '\n' : ''}`);
    } else if (progress.phase !== lastPhase && (progress.done === progress.total || progress.phase === 'done')) {
      lastPhase = progress.phase;
      stream.write(`${line}\n`);
    }
  };
}
