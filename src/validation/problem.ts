/** One thing wrong in a user's or the knowledge base's file, reported in Dutch. */
export interface Problem {
  file: string;
  /** Dotted key path such as `maatregelen[1].eigenaar`; empty for the file as a whole. */
  key: string;
  line?: number;
  message: string;
}

export function formatProblem(problem: Problem): string {
  const place = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return problem.key ? `${place} — ${problem.key}: ${problem.message}` : `${place} — ${problem.message}`;
}

export function formatKeyPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/** A user mistake: the CLI prints the problems and exits 1, without a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly problems: readonly Problem[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'UserError';
  }
}

/** The inverse of formatKeyPath: `maatregelen[1].eigenaar` → ['maatregelen', 1, 'eigenaar']. */
export function parseKeyPath(key: string): (string | number)[] {
  return [...key.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}
