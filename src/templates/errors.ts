import { UserError } from '../validation/problem.js';

/** A mistake in a template (Handlebars syntax, a value the plan does not have) as the user reads it: file and line. */
export function templateError(file: string, error: unknown): UserError {
  if (error instanceof UserError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const line = /on line (\d+)/.exec(message)?.[1] ?? / - (\d+):\d+$/.exec(message)?.[1];
  const reason = message
    .replace(/^Parse error on line \d+:\n?/, 'onjuiste Handlebars-syntaxis:\n')
    .replace(/^"(.+)" not defined in .* - \d+:\d+$/s, 'de waarde "$1" bestaat niet in de gegevens van het plan')
    .replace(/^The partial (.+) could not be found$/, 'het onderdeel (partial) "$1" bestaat niet in templates/partials/');
  return new UserError(`Fout in sjabloon ${file}${line ? ` op regel ${line}` : ''}: ${reason}`);
}
