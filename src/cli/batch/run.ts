import { fork, type ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { availableParallelism, constants } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../validation/problem.js';
import { ANSWERS_FILE, type GenerateOptions } from '../commands/generate-options.js';
import { exitCodes } from '../errors.js';
import type { CliIo } from '../io.js';
import { showProgress } from './progress.js';
import type { Job, JobResult } from './protocol.js';

/*
 * `genereer --antwoorden MAP`: the documents of every answers file in a folder, each in a folder of its own in
 * --uitvoer named after the file, made by worker processes (worker.ts) side by side. One bad file never stops the
 * others; each is made all-or-nothing and never over existing files, as a single `genereer` would.
 */

const workerFile = fileURLToPath(new URL('./worker.js', import.meta.url));
const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type StopSignal = (typeof stopSignals)[number];
/** 128 + the signal's number, as a shell reports it (and as a single `genereer` exits: signals.ts). */
const signalCode = (signal: StopSignal) => 128 + constants.signals[signal];

/** The answers files of a folder (not those in its subfolders, nor hidden ones), by name. */
async function answersFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory() && ANSWERS_FILE.test(entry.name) && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
}

const stem = (name: string) => name.slice(0, -extname(name).length);

interface Outcome {
  name: string;
  /** Handed to a worker. */
  started?: boolean;
  result?: JobResult;
}

/**
 * Hands the jobs to `count` worker processes, each its next one when it is done, and calls `onResult` for each;
 * a worker that dies takes its job with it (reported as failed) and is replaced. On Ctrl-C (or a kill) no job is
 * started any more, the workers are told to stop (they remove what they had half-written), and the promise
 * resolves with the signal once they have.
 */
function runJobs(
  jobs: readonly Job[],
  count: number,
  cwd: string,
  onStart: (job: Job) => void,
  onResult: (result: JobResult) => void,
): Promise<StopSignal | undefined> {
  return new Promise((finish) => {
    const queue = [...jobs];
    const working = new Map<ChildProcess, Job | undefined>();
    let stopped: StopSignal | undefined;

    const handOut = (child: ChildProcess) => {
      const job = stopped === undefined ? queue.shift() : undefined;
      working.set(child, job);
      if (job === undefined) {
        child.disconnect();
      } else {
        onStart(job);
        child.send(job);
      }
    };
    const start = () => {
      const child = fork(workerFile, [], { cwd, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      child.on('message', (result: JobResult) => {
        working.set(child, undefined);
        onResult(result);
        if (child.connected) handOut(child);
      });
      child.on('exit', (code, signal) => {
        const job = working.get(child);
        working.delete(child);
        if (job !== undefined && stopped === undefined) {
          onResult({
            index: job.index,
            code: exitCodes.internalError,
            stdout: '',
            stderr: `Het werkproces voor dit bestand stopte onverwacht (${signal ?? `code ${code}`}); er is niets voor geschreven.\n`,
          });
          if (queue.length > 0) handOut(start());
        }
        if (working.size === 0) {
          for (const [name, listener] of listeners) process.off(name, listener);
          finish(stopped);
        }
      });
      return child;
    };
    const stop = (signal: StopSignal) => {
      stopped ??= signal;
      for (const child of working.keys()) child.kill(signal);
    };
    const listeners = stopSignals.map((name) => [name, () => stop(name)] as const);
    for (const [name, listener] of listeners) process.on(name, listener);
    for (let i = 0; i < count; i++) handOut(start());
  });
}

/**
 * Moves the process's own handling of Ctrl-C, a kill and a closed terminal (signals.ts, which exits at once) aside
 * while `body` runs: the batch stops its workers itself, waits for them and then reports.
 */
async function withoutInterruptHandlers<T>(body: () => Promise<T>): Promise<T> {
  const previous = stopSignals.map((signal) => [signal, process.listeners(signal)] as const);
  for (const signal of stopSignals) process.removeAllListeners(signal);
  try {
    return await body();
  } finally {
    for (const [signal, listeners] of previous) for (const listener of listeners) process.on(signal, listener);
  }
}

const indent = (text: string, by: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => `${by}${line}`)
    .join('\n');

function summary(outcomes: readonly Outcome[], output: string, io: CliIo, stopped: StopSignal | undefined): number {
  const made = outcomes.filter((o) => o.result?.code === 0);
  const failed = outcomes.filter((o) => o.result !== undefined && o.result.code !== 0);
  const organisations = (n: number) => `${n} ${n === 1 ? 'organisatie' : 'organisaties'}`;
  if (stopped !== undefined) {
    const interrupted = outcomes.filter((o) => o.started && o.result === undefined).length;
    const notStarted = outcomes.filter((o) => !o.started && o.result === undefined).length;
    io.stderr(
      `\nGestopt. ${organisations(made.length)} gemaakt, ${failed.length} mislukt, ${interrupted} onderbroken en ` +
        `${notStarted} niet begonnen. Van de onderbroken organisaties zijn half geschreven bestanden opgeruimd; ` +
        `kijk in hun map in ${output} welke documenten al klaar waren.\n`,
    );
  } else {
    io.stdout(
      `Klaar: ${made.length} van ${organisations(outcomes.length)} gemaakt, elk in een eigen map in ${output}` +
        `${failed.length > 0 ? `; ${failed.length} mislukt (zie hieronder)` : ''}.\n`,
    );
  }
  const warned = made.filter((o) => o.result!.stderr.trim() !== '');
  if (warned.length > 0) {
    io.stderr(
      `\nWaarschuwingen:\n${warned.map((o) => `  ${o.name}:\n${indent(o.result!.stderr, '    ')}`).join('\n')}\n`,
    );
  }
  if (failed.length > 0) {
    io.stderr(
      `\nMislukt (${failed.length}):\n${failed.map((o) => `  ${o.name}:\n${indent(o.result!.stderr, '    ')}`).join('\n')}\n`,
    );
  }
  if (stopped !== undefined) return signalCode(stopped);
  return Math.max(
    exitCodes.ok,
    ...failed.map((o) => (o.result!.code === exitCodes.userError ? o.result!.code : exitCodes.internalError)),
  );
}

/**
 * Makes the documents of every answers file (.yaml, .yml, .json) in the folder `options.antwoorden`, each into
 * `options.uitvoer/<file name without extension>/`, with `parallel` workers (default one per core). Returns the
 * exit code: 0 when every file was made, 1 when one was refused for a mistake of the user, 2 for an error of the
 * program, 130 after Ctrl-C.
 */
export async function runBatch(
  options: GenerateOptions & { antwoorden: string },
  io: CliIo,
  parallel?: number,
): Promise<number> {
  const folder = options.antwoorden;
  const names = await answersFiles(resolve(io.cwd, folder));
  if (names.length === 0) {
    throw new UserError(
      `In de map ${folder} staan geen antwoordenbestanden (.yaml, .yml of .json); er is niets gemaakt.`,
    );
  }
  const outcomes: Outcome[] = names.map((name) => ({ name }));
  const jobs: Job[] = [];
  const sameStem = (name: string) => names.filter((other) => stem(other) === stem(name));
  const progress = await showProgress(io, names.length);
  names.forEach((name, index) => {
    const clash = sameStem(name);
    if (clash.length > 1) {
      outcomes[index]!.result = {
        index,
        code: exitCodes.userError,
        stdout: '',
        stderr:
          `Fout: ${clash.join(' en ')} zouden allebei in de map ${join(options.uitvoer, stem(name))} komen; ` +
          'geef de antwoordenbestanden verschillende namen. Er is niets voor gemaakt.\n',
      };
      progress.done(name, false);
      return;
    }
    jobs.push({
      index,
      cwd: io.cwd,
      options: { ...options, antwoorden: join(folder, name), uitvoer: join(options.uitvoer, stem(name)) },
    });
  });

  const workers = Math.min(parallel ?? availableParallelism(), jobs.length);
  const stopped =
    jobs.length === 0
      ? undefined
      : await withoutInterruptHandlers(() =>
          runJobs(
            jobs,
            workers,
            io.cwd,
            (job) => void (outcomes[job.index]!.started = true),
            (result) => {
              const outcome = outcomes[result.index];
              if (outcome === undefined) return;
              outcome.result = result;
              progress.done(outcome.name, result.code === 0);
            },
          ),
        );
  progress.stop();
  return summary(outcomes, options.uitvoer, io, stopped);
}
