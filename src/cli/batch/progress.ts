import type { CliIo } from '../io.js';

/** How a batch shows that a file is done: a bar on a terminal, otherwise a line per file. */
export interface Progress {
  done(file: string, made: boolean): void;
  stop(): void;
}

/** A progress bar (cli-progress) on the terminal; where there is none (a script, a log file), one line per file. */
export async function showProgress(io: CliIo, total: number): Promise<Progress> {
  const terminal = io.progressTerminal;
  if (terminal === undefined) {
    let count = 0;
    return {
      done: (file, made) => io.stdout(`[${++count}/${total}] ${made ? 'gemaakt' : 'mislukt'}: ${file}\n`),
      stop: () => undefined,
    };
  }
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      stream: terminal,
      format: '{bar} {value}/{total} organisaties  {bestand}',
      barsize: 30,
      hideCursor: true,
      clearOnComplete: false,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { bestand: '' });
  return {
    done: (file) => bar.increment(1, { bestand: file }),
    stop: () => bar.stop(),
  };
}
