import { flushCaches } from '../../cache/store.js';
import type { KnowledgeBase } from '../../knowledge/model.js';
import { removePendingFiles } from '../../output/atomic.js';
import { generateForFile } from '../commands/generate.js';
import { exitCodes, reportError } from '../errors.js';
import type { CliIo } from '../io.js';
import { loadKnowledgeForCli } from '../knowledge.js';
import type { Job, JobResult } from './protocol.js';

/*
 * A worker process of `genereer --antwoorden MAP`: makes the documents of one answers file after another, as the
 * parent hands them out, exactly as a single `genereer` would (the same checks, messages and all-or-nothing
 * writing), and loads the knowledge base, the templates and the PDF engine only once.
 */

// Ctrl-C reaches every process of the terminal's group; a kill may reach only this one. Either way: leave no
// half-written file (finished ones stay) and stop.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    removePendingFiles();
    process.exit(signal === 'SIGINT' ? exitCodes.interrupted : 128 + 15);
  });
}

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
    if (!knowledgeBases.has(own)) knowledgeBases.set(own, loadKnowledgeForCli(job.cwd, job.options.kennisbank));
    code = await generateForFile(job.options, io, await knowledgeBases.get(own)!);
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
