import { stringify } from 'yaml';
import type { AnswersInput } from '../answers/schema.js';
import { organisationFileName } from '../output/filenames.js';
import { defaultDocuments, defaultFormats } from './draft.js';
import type { WizardResult } from './flow.js';

/** E.g. "gemeente-voorbeeld-antwoorden-2027-2030.yaml": next year's answers get a name of their own. */
export function answersFileName(answers: AnswersInput): string {
  const { van, tot } = answers.planperiode;
  return `${organisationFileName(answers.organisatie.naam)}-antwoorden-${van}-${tot}.yaml`;
}

/**
 * How the printed commands start: after `npm ci` in a clone the command is not on the PATH, so
 * `npx`, as in the README.
 */
export const cliCommand = 'npx integriteitsplan';

/**
 * Printed above the `genereer` command: it writes to the same folder, where the documents now
 * exist, and without --forceer it refuses to replace them (which would undo edits made in Word).
 */
export const regenerateNote =
  'Bestaan de documenten al, kies dan met --uitvoer een andere map; met --forceer vervangt u de bestaande bestanden (en gaan wijzigingen daarin verloren).';

/** A path or word as it can be typed in a shell. */
export function shellWord(word: string): string {
  return /^[\w./:@%+=,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Where the commands the wizard prints point to, each as shown to the user (relative or absolute). */
export interface CommandPaths {
  answers: string;
  outputDir: string;
  /** --sjablonen, when the wizard ran with the user's own templates. */
  templatesDir?: string;
  /** --kennisbank, when the wizard ran with the user's own knowledge base. */
  knowledgeDir?: string;
}

/** --sjablonen and --kennisbank as given to the wizard: without them the same answers make other documents. */
function sourceOptions(paths: CommandPaths): string[] {
  return [
    ...(paths.templatesDir !== undefined ? [`--sjablonen ${shellWord(paths.templatesDir)}`] : []),
    ...(paths.knowledgeDir !== undefined ? [`--kennisbank ${shellWord(paths.knowledgeDir)}`] : []),
  ];
}

/**
 * The `genereer` command that makes the same documents from the saved answers, as its parts (an
 * option with its value). A verslagjaar needs no --jaar and the register no --meldingen: they are
 * in the answers file, and `genereer` reads them from there.
 */
export function regenerateCommand(result: WizardResult, paths: CommandPaths): string[] {
  const same = (a: readonly string[], b: readonly string[]) => a.join(',') === b.join(',');
  return [
    `${cliCommand} genereer`,
    `--antwoorden ${shellWord(paths.answers)}`,
    `--uitvoer ${shellWord(paths.outputDir)}`,
    ...(same(result.documents, defaultDocuments) ? [] : [`--document ${result.documents.join(',')}`]),
    ...(same(result.formats, defaultFormats) ? [] : [`--formaten ${result.formats.join(',')}`]),
    ...sourceOptions(paths),
  ];
}

/** The wizard again, every question pre-filled from the saved answers (next year, say). */
export function wizardCommand(paths: CommandPaths): string[] {
  return [`${cliCommand} wizard`, `--antwoorden ${shellWord(paths.answers)}`, ...sourceOptions(paths)];
}

/** The answers file as `genereer` reads it, with a short header on how to use it again. */
export function answersFileText(
  answers: AnswersInput,
  commands: { regenerate: readonly string[]; wizard: readonly string[] },
): string {
  const header = [
    'Antwoorden voor integriteitsplan, opgeslagen door de wizard. U mag dit bestand zelf aanpassen.',
    'Dezelfde documenten opnieuw maken:',
    `  ${commands.regenerate.join(' ')}`,
    regenerateNote,
    'Volgend jaar verder met deze antwoorden:',
    `  ${commands.wizard.join(' ')}`,
  ];
  const body = stringify(answers, { lineWidth: 100 });
  // A text file ends with a newline (the yaml package adds one; this makes sure of it).
  return `${header.map((line) => `# ${line}`).join('\n')}\n${body.endsWith('\n') ? body : `${body}\n`}`;
}
