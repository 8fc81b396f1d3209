import { readFile } from 'node:fs/promises';
import type { KnowledgeBase } from '../knowledge/model.js';
import { UserError } from '../validation/problem.js';
import { parseYaml, validate } from '../validation/yaml.js';
import { answersSchema, type Answers } from './schema.js';

/** Parses and validates an answers file's text; every problem names the file, key and line. */
export function parseAnswers(text: string, file: string, kb: KnowledgeBase): Answers {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) throw new UserError(`Het antwoordenbestand ${file} is geen geldige YAML of JSON.`, parsed.problems);
  const valid = validate(parsed.value, answersSchema(kb));
  if (!valid.ok) {
    throw new UserError(`Het antwoordenbestand ${file} bevat ${valid.problems.length} fout(en).`, valid.problems);
  }
  return valid.value;
}

export async function readAnswersFile(path: string, displayName: string, kb: KnowledgeBase): Promise<Answers> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UserError(
      error.code === 'ENOENT'
        ? `Het antwoordenbestand ${displayName} bestaat niet.`
        : error.code === 'EISDIR'
          ? `${displayName} is een map; geef het antwoordenbestand zelf op, bijvoorbeeld ${displayName}/antwoorden.yaml.`
          : `Het antwoordenbestand ${displayName} kan niet worden gelezen (${error.code}).`,
    );
  });
  return parseAnswers(text, displayName, kb);
}
