import { formatKeyPath } from '../validation/problem.js';
import { charactersMissingFromPdf, describeCharacters } from '../writers/pdf/coverage.js';
import type { Answers } from './schema.js';

/** Every text in the answers that the PDF could not show in full, by key. */
export function pdfTextProblems(answers: Answers): { key: string; message: string }[] {
  const problems: { key: string; message: string }[] = [];
  const visit = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string') {
      const missing = charactersMissingFromPdf(value);
      if (missing.length > 0) {
        problems.push({
          key: formatKeyPath(path),
          message: `de PDF kan deze tekens niet tonen: ${describeCharacters(missing)}; schrijf ze in het Latijnse schrift of laat ze weg`,
        });
      }
    } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    }
  };
  visit(answers, []);
  return problems;
}
