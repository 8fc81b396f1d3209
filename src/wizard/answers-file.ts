import { stringify } from 'yaml';
import type { AnswersInput } from '../answers/schema.js';
import { fileNamePart } from '../output/filenames.js';
import { defaultDocuments, defaultFormats } from './draft.js';
import type { WizardResult } from './flow.js';

/** E.g. "gemeente-voorbeeld-antwoorden-2027-2030.yaml": next year's answers get a name of their own. */
export function answersFileName(answers: AnswersInput): string {
  const { van, tot } = answers.planperiode;
  return `${fileNamePart(answers.organisatie.naam)}-antwoorden-${van}-${tot}.yaml`;
}

/** A path or word as it can be typed in a shell. */
export function shellWord(word: string): string {
  return /^[\w./:@%+=,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The `genereer` command that makes the same documents from the saved answers. */
export function regenerateCommand(result: WizardResult, answersPath: string, outputDir: string): string {
  const same = (a: readonly string[], b: readonly string[]) => a.join(',') === b.join(',');
  // A brief on its own offers the rapportage when a verslagjaar is known; `genereer` learns that from --jaar.
  const briefOnly = same(result.documents, ['brief']) && result.answers.verslagjaar !== undefined;
  return [
    'integriteitsplan genereer',
    `--antwoorden ${shellWord(answersPath)}`,
    `--uitvoer ${shellWord(outputDir)}`,
    ...(same(result.documents, defaultDocuments) ? [] : [`--document ${result.documents.join(',')}`]),
    ...(briefOnly ? [`--jaar ${result.answers.verslagjaar}`] : []),
    ...(same(result.formats, defaultFormats) ? [] : [`--formaten ${result.formats.join(',')}`]),
  ].join(' ');
}

/** The answers file as `genereer` reads it, with a short header on how to use it again. */
export function answersFileText(answers: AnswersInput, commands: { regenerate: string; wizard: string }): string {
  const header = [
    'Antwoorden voor integriteitsplan, opgeslagen door de wizard. U mag dit bestand zelf aanpassen.',
    'Dezelfde documenten opnieuw maken:',
    `  ${commands.regenerate}`,
    'Volgend jaar verder met deze antwoorden:',
    `  ${commands.wizard}`,
  ];
  return `${header.map((line) => `# ${line}`).join('\n')}\n${stringify(answers, { lineWidth: 100 })}`;
}
