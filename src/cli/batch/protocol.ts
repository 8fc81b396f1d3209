import type { GenerateOptions } from '../commands/generate-options.js';

/*
 * What the batch's parent and its worker processes say to each other (over the IPC channel of child_process.fork).
 */

/** One answers file to make the documents of. */
export interface Job {
  index: number;
  /** `genereer`'s options for this file alone: its answers file and its own output folder. */
  options: GenerateOptions;
  /** The folder the user stands in, for paths in messages. */
  cwd: string;
}

/** What came of a job: the exit code and the messages a single `genereer` would have printed. */
export interface JobResult {
  index: number;
  code: number;
  stdout: string;
  stderr: string;
}
