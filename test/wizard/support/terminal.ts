import { execFileSync, spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { packageRoot } from '../../../src/paths.js';

export const keys = {
  up: '\x1b[A',
  down: '\x1b[B',
  space: ' ',
  enter: '\r',
  escape: '\x1b',
  ctrlC: '\x03',
} as const;

export const builtCli = join(packageRoot, 'dist', 'src', 'cli', 'main.js');

/** `script` (util-linux) gives the CLI a real pseudo-terminal; without it the end-to-end tests are skipped. */
export const hasScript = spawnSync('script', ['--version']).status === 0;

function newestFile(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestFile(path) : statSync(path).mtimeMs);
  }, 0);
}

/**
 * Compiles dist/ when a source file is newer than it. The JavaScript is emitted even when another
 * part of the code does not type-check yet; `tsc --noEmit` is the type check.
 */
export function buildIfStale(): void {
  if (existsSync(builtCli) && statSync(builtCli).mtimeMs >= newestFile(join(packageRoot, 'src'))) return;
  try {
    execFileSync(
      process.execPath,
      [join(packageRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
      {
        cwd: packageRoot,
        stdio: 'pipe',
      },
    );
  } catch (error) {
    if (!existsSync(builtCli)) throw error;
  }
}

function shellWord(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The built CLI running in a pseudo-terminal of 120×40, driven by keystrokes like a person at the keyboard. */
export class TerminalSession {
  private output = '';
  /** Where the next `waitFor` starts looking: text already seen is not matched again. */
  private position = 0;
  private readonly child: ChildProcessWithoutNullStreams;
  readonly exited: Promise<number>;

  constructor(args: readonly string[], cwd: string) {
    const command = `stty cols 120 rows 40; exec ${[process.execPath, builtCli, ...args].map(shellWord).join(' ')}`;
    this.child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd,
      env: { ...process.env, TERM: 'xterm-256color', SHELL: '/bin/sh' },
    });
    this.child.stdout.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    this.child.stderr.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    this.exited = new Promise((resolve) =>
      this.child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1))),
    );
  }

  /** Everything the terminal showed, without colours and cursor movement. */
  get screen(): string {
    return stripVTControlCharacters(this.output).replace(/\r/g, '');
  }

  /** Waits until `text` appears after what was matched before. */
  async waitFor(text: string, timeoutMs = 15000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const at = this.screen.indexOf(text, this.position);
      if (at >= 0) {
        this.position = at + text.length;
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(`The terminal never showed "${text}". Last output:\n${this.screen.slice(-1500)}`);
      }
      await pause(25);
    }
  }

  /** Types keys one at a time, as fingers would. */
  async press(...sequence: string[]): Promise<void> {
    await pause(60);
    for (const key of sequence) {
      this.child.stdin.write(key);
      await pause(key === keys.escape ? 700 : 30);
    }
  }

  /** Waits for a question, then answers it. */
  async answer(question: string, ...sequence: string[]): Promise<void> {
    await this.waitFor(question);
    await this.press(...sequence);
  }

  /** Ends the CLI if it still runs (after a failed test). */
  dispose(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  /** The exit code, or a failure when the CLI hangs. */
  async exitCode(timeoutMs = 20000): Promise<number> {
    const timer = new Promise<never>((_, reject) =>
      setTimeout(() => {
        this.child.kill('SIGKILL');
        reject(new Error(`The CLI did not end. Last output:\n${this.screen.slice(-1500)}`));
      }, timeoutMs).unref(),
    );
    return Promise.race([this.exited, timer]);
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
