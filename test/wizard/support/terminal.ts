import { execFileSync, spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import xterm from '@xterm/headless';
import { packageRoot } from '../../../src/paths.js';
import { requireTools } from '../../support/tools.js';

export const keys = {
  up: '\x1b[A',
  down: '\x1b[B',
  space: ' ',
  enter: '\r',
  escape: '\x1b',
  shiftTab: '\x1b[Z',
  ctrlC: '\x03',
} as const;

export const builtCli = join(packageRoot, 'dist', 'src', 'cli', 'main.js');

/**
 * `script` (util-linux) gives the CLI a real pseudo-terminal. Without it the end-to-end tests are
 * skipped, except in CI, where its absence fails them (see requireTools).
 */
export function terminalAvailable(): boolean {
  if (!requireTools('script')) return false;
  if (spawnSync('script', ['--version']).status === 0) return true;
  // Another `script` (BSD, say) has other options.
  if (process.env.CI) throw new Error('CI needs the `script` of util-linux (Debian: bsdutils)');
  return false;
}

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

/**
 * Readline waits this long after a lone Escape for the rest of a key sequence (Node's
 * ESCAPE_CODE_TIMEOUT is 500 ms): a key typed sooner would be read as part of it.
 */
const escapeTimeoutMs = 600;

export interface TerminalSize {
  columns: number;
  rows: number;
}

/**
 * The built CLI running in a pseudo-terminal, driven by keystrokes like a person at the keyboard.
 * What it writes is also drawn by a headless xterm of the same size, so a test can read the screen
 * as the user sees it: what is in view, and where lines broke.
 */
export class TerminalSession {
  private output = '';
  private readonly terminal: InstanceType<typeof xterm.Terminal>;
  /** Where the next wait starts looking: text already seen is not matched again. */
  private position = 0;
  private readonly child: ChildProcessWithoutNullStreams;
  /** Called on every bit of output, to re-check what a wait is waiting for. */
  private readonly listeners = new Set<() => void>();
  /** All output is in: the terminal closed. */
  private closed = false;
  readonly exited: Promise<number>;

  constructor(
    args: readonly string[],
    cwd: string,
    readonly size: TerminalSize = { columns: 120, rows: 40 },
  ) {
    this.terminal = new xterm.Terminal({
      cols: size.columns,
      rows: size.rows,
      scrollback: 5000,
      allowProposedApi: true,
    });
    const command = `stty cols ${size.columns} rows ${size.rows}; exec ${[process.execPath, builtCli, ...args].map(shellWord).join(' ')}`;
    this.child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd,
      env: { ...process.env, TERM: 'xterm-256color', SHELL: '/bin/sh' },
    });
    const received = (chunk: Buffer) => {
      this.output += chunk.toString('utf8');
      this.terminal.write(chunk);
      this.listeners.forEach((listener) => listener());
    };
    this.child.stdout.on('data', received);
    this.child.stderr.on('data', received);
    this.exited = new Promise((resolve) =>
      this.child.on('close', (code, signal) => {
        this.closed = true;
        resolve(code ?? (signal ? 128 : 1));
        this.listeners.forEach((listener) => listener());
      }),
    );
  }

  /** Everything the terminal showed, without colours and cursor movement. */
  get screen(): string {
    return stripVTControlCharacters(this.output).replace(/\r/g, '');
  }

  /** The rows in view now, as the terminal draws them. */
  async visibleRows(): Promise<string[]> {
    const buffer = await this.drawn();
    return Array.from({ length: this.size.rows }, (_, row) =>
      buffer.getLine(buffer.viewportY + row)!.translateToString(true),
    );
  }

  /**
   * Every place, in view or scrolled off, where a word runs from the end of one row into the next:
   * the terminal wrapped it, or @inquirer cut the line at the last column.
   */
  async brokenWords(): Promise<string[]> {
    const buffer = await this.drawn();
    const broken: string[] = [];
    for (let row = 0; row + 1 < buffer.length; row++) {
      const line = buffer.getLine(row)!.translateToString(false);
      const next = buffer.getLine(row + 1)!.translateToString(false);
      if (/[\p{L}\p{N}]$/u.test(line) && /^[\p{L}\p{N}]/u.test(next))
        broken.push(`${line.trimStart().slice(-30)}|${next.trimEnd().slice(0, 30)}`);
    }
    return broken;
  }

  /** The buffer once xterm has drawn everything received so far. */
  private async drawn() {
    await new Promise<void>((resolve) => this.terminal.write('', resolve));
    return this.terminal.buffer.active;
  }

  /** Waits until `text` appears after what was matched before. */
  async waitFor(text: string, timeoutMs = 15000): Promise<void> {
    await this.waitUntil(`"${text}"`, timeoutMs, (screen) => {
      const at = screen.indexOf(text, this.position);
      return at >= 0 ? at + text.length : undefined;
    });
  }

  /**
   * Waits until a question containing `fragment` is on screen and listening: its first drawing
   * starts a line with "? ". @inquirer draws a prompt only once its keypress handler is in place
   * (keys typed before that are thrown away), so keys sent after this are not lost.
   */
  async waitForQuestion(fragment: string, timeoutMs = 15000): Promise<void> {
    await this.waitUntil(`a question with "${fragment}"`, timeoutMs, (screen) => {
      for (let at = screen.indexOf(fragment, this.position); at >= 0; at = screen.indexOf(fragment, at + 1)) {
        const lineStart = screen.lastIndexOf('\n', at) + 1;
        if (screen.startsWith('? ', lineStart)) return at + fragment.length;
      }
      return undefined;
    });
  }

  /**
   * Waits until the rows in view, read as one text with runs of white space as one space, contain
   * `text`. A question can arrive in several chunks: its first line is in before its last one is.
   */
  async waitForVisible(text: string, timeoutMs = 15000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const visible = (await this.visibleRows()).join(' ').replace(/\s+/g, ' ');
      if (visible.includes(text)) return visible;
      if (this.closed || Date.now() > deadline)
        throw new Error(
          `The screen never showed "${text}" (${this.closed ? 'the CLI ended' : `${timeoutMs} ms`}). In view:\n${visible}`,
        );
      await pause(50);
    }
  }

  /** Types keys in order; only after a lone Escape does the next key have to wait. */
  async press(...sequence: string[]): Promise<void> {
    for (const [index, key] of sequence.entries()) {
      this.child.stdin.write(key);
      if (key === keys.escape && index < sequence.length - 1) await pause(escapeTimeoutMs);
    }
  }

  /** Waits for a question, then answers it. */
  async answer(question: string, ...sequence: string[]): Promise<void> {
    await this.waitForQuestion(question);
    await this.press(...sequence);
  }

  /** Ends the CLI if it still runs (after a failed test). */
  dispose(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    this.terminal.dispose();
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

  /** Re-checks `found` on every bit of output until it gives the new position; fails after the timeout or at exit. */
  private waitUntil(what: string, timeoutMs: number, found: (screen: string) => number | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const finish = (error?: Error) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        if (error) reject(error);
        else resolve();
      };
      const fail = (why: string) =>
        finish(new Error(`The terminal never showed ${what} (${why}). Last output:\n${this.screen.slice(-1500)}`));
      const check = () => {
        const next = found(this.screen);
        if (next !== undefined) {
          this.position = next;
          finish();
        } else if (this.closed) fail('the CLI ended');
      };
      const timer = setTimeout(() => fail(`${timeoutMs} ms`), timeoutMs);
      this.listeners.add(check);
      check();
    });
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
