import { constants } from 'node:os';
import { flushCaches } from '../../cache/flush.js';
import type { KnowledgeBase } from '../../knowledge/model.js';
import { generateForFile } from '../commands/generate.js';
import { reportError } from '../errors.js';
import type { CliIo } from '../io.js';
import { rememberMeasuredTexts } from '../../writers/pdf/engine/patches/measured-texts.js';
import { loadKnowledgeForCli } from '../knowledge.js';
import type { Job, JobResult } from './protocol.js';

/*
 * A worker process of `genereer --antwoorden MAP`: makes the documents of one answers file after another, as the
 * parent hands them out, exactly as a single `genereer` would (the same checks, messages and all-or-nothing
 * writing), and loads the knowledge base, the templates and the PDF engine only once.
 */

// Ctrl-C or a closed terminal reaches every process of the terminal's group; a kill may reach only this one.
// Either way: stop. Nothing needs undoing: a set of files is moved into place in one synchronous step that a
// signal handler cannot interrupt (output/atomic.ts). The parent reports; a worker prints nothing of its own.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => process.exit(128 + constants.signals[signal]));
}

// The knowledge base's texts come back in every plan: measured once, they are copied for the next ones.
rememberMeasuredTexts();

const knowledgeBases = new Map<string, Promise<KnowledgeBase>>();

async function run(job: Job): Promise<JobResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    cwd: job.cwd,
    interactive: false,
  };
  let code: number;
  try {
    const own = job.options.kennisbank ?? '';
    code = await generateForFile(job.options, io, () => {
      if (!knowledgeBases.has(own)) knowledgeBases.set(own, loadKnowledgeForCli(job.cwd, job.options.kennisbank));
      return knowledgeBases.get(own)!;
    });
  } catch (error) {
    code = reportError(error, io);
  }
  return { index: job.index, code, stdout, stderr };
}

process.on('message', (job: Job) => {
  void run(job).then((result) => process.send?.(result));
});

// The parent disconnects when it has no more files: keep what the caches gathered, then end.
process.on('disconnect', () => flushCaches());
