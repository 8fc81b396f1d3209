/** The terminal as the commands see it: injected so commands can run in tests without a process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** True when a person is at the keyboard (stdin and stdout are terminals). */
  interactive: boolean;
  /** The terminal to draw a progress bar on (stderr, when it is one); without it, progress is plain lines. */
  progressTerminal?: NodeJS.WriteStream;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  ...(process.stderr.isTTY ? { progressTerminal: process.stderr } : {}),
};
