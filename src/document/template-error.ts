import { UserError } from '../validation/problem.js';

/**
 * A mistake in the Markdown the templates produced, in Dutch: names the template and, when known, the line of the
 * generated Markdown (what `--formaten md` writes), e.g. "templates/beleidsplan.md.hbs, regel 14 van de gegenereerde
 * Markdown: …".
 */
export function templateError(source: string, line: number | undefined, message: string): UserError {
  const where = line === undefined ? '' : ` regel ${line} van de gegenereerde Markdown`;
  return new UserError(`${source},${where}: ${message}`);
}
