// A one-line terminal progress bar for imports; silent when stderr is not a terminal (scripts, CI).
import type { ImportProgress } from '../shared/pack-types';
import { formatBytes } from './pack-report-output';

const WIDTH = 30;

export interface ProgressBar {
  update(progress: ImportProgress): void;
  end(): void;
}

export function terminalProgressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!stream.isTTY) return { update: () => {}, end: () => {} };
  let lastDraw = 0;
  let drawn = false;
  return {
    update(progress) {
      const now = Date.now();
      // Redrawing on every 64 KiB chunk would cost more than the copy on a slow console.
      if (now - lastDraw < 100 && progress.phase === 'copying') return;
      lastDraw = now;
      const fraction = progress.bytesTotal > 0 ? progress.bytesDone / progress.bytesTotal : 0;
      const filled = Math.round(fraction * WIDTH);
      const bar = `${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}`;
      const amount = progress.bytesTotal > 0 ? ` ${formatBytes(progress.bytesDone)} / ${formatBytes(progress.bytesTotal)}` : '';
      stream.write(`\r${progress.phase.padEnd(10)} [${bar}]${amount}`.padEnd(78));
      drawn = true;
    },
    end() {
      if (drawn) stream.write('\n');
    },
  };
}
