import type { KnowledgeBase } from '../knowledge/model.js';
import { parseKeyPath, UserError } from '../validation/problem.js';
import { readTextFile } from '../validation/text-file.js';
import { parseYaml, validate } from '../validation/yaml.js';
import { pdfTextProblems } from './pdf-text.js';
import { answersSchema, type Answers } from './schema.js';

/** Far more than the longest answers (every theme with a full toelichting), far less than would slow anything down. */
export const maxAnswersFileBytes = 1024 * 1024;

export interface AnswersCheck {
  /** The PDF will be made: refuse text its font cannot show (the DOCX would keep it, the PDF would lose it). */
  pdf?: boolean;
}

/** Parses and validates an answers file's text; every problem names the file, key and line. */
export function parseAnswers(text: string, file: string, kb: KnowledgeBase, check: AnswersCheck = {}): Answers {
  const parsed = parseYaml(text, file);
  // Syntax, but also what no answers file may hold (control characters, duplicate keys, deep nesting).
  if (!parsed.ok) throw new UserError(`Het antwoordenbestand ${file} kan zo niet worden gelezen.`, parsed.problems);
  const valid = validate(parsed.value, answersSchema(kb));
  if (!valid.ok) {
    throw new UserError(`Het antwoordenbestand ${file} bevat ${valid.problems.length} fout(en).`, valid.problems);
  }
  if (check.pdf) {
    const problems = pdfTextProblems(valid.value).map(({ key, message }) => ({
      file,
      key,
      line: parsed.value.lineOf(parseKeyPath(key)),
      message,
    }));
    if (problems.length > 0) {
      throw new UserError(
        `Het antwoordenbestand ${file} bevat tekens die de PDF niet kan tonen; er is niets gemaakt. ` +
          'Pas de tekst aan, of maak alleen de DOCX (--formaten docx), die ze wel bewaart.',
        problems,
      );
    }
  }
  return valid.value;
}

export async function readAnswersFile(
  path: string,
  displayName: string,
  kb: KnowledgeBase,
  check: AnswersCheck = {},
): Promise<Answers> {
  const text = await readTextFile(path, displayName, { what: 'het antwoordenbestand', maxBytes: maxAnswersFileBytes });
  return parseAnswers(text, displayName, kb, check);
}
