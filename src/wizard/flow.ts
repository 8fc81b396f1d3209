import { answersSchema, type AnswersInput } from '../answers/schema.js';
import type { KnowledgeBase } from '../knowledge/model.js';
import { documentWarnings } from '../plan/rules.js';
import { actionPlanRemedy, warningFinding, type DocumentWarning } from '../plan/warnings.js';
import { formatKeyPath } from '../validation/problem.js';
import type { DocumentCatalogue, DocumentKind, Format } from '../vocabulary.js';
import { initialDraft, toAnswersInput, type Draft, type DraftStart } from './draft.js';
import { fieldRules } from './field-rules.js';
import { listed } from './labels.js';
import { WizardStopped, type Prompter } from './prompter.js';
import { period, sections, type AskMode, type FlowContext, type Section, type SummaryRow } from './sections/index.js';
import { continueLine, wrapText } from './terminal-text.js';

/** Everything the wizard decided: the answers file's content plus what to make and where. */
export interface WizardResult {
  /** Valid for answersSchema(kb); written to the answers file as it is. */
  answers: AnswersInput;
  documents: DocumentKind[];
  formats: Format[];
  outputDir: string;
  /** The meldingen register, relative to where the user stands. */
  register?: { path: string; skipBadRows: boolean };
}

export interface FlowStart extends DraftStart {
  /** How the register question reads a register: the same route as `genereer --meldingen`. */
  checkRegister: FlowContext['checkRegister'];
}

/**
 * The wizard's questions, from first question to "maken": pure apart from the prompter and the
 * register check, so a test can say "given these choices, this answers object". Stopping throws
 * WizardStopped.
 */
export async function runWizardFlow(
  prompter: Prompter,
  kb: KnowledgeBase,
  catalogue: DocumentCatalogue,
  start: FlowStart,
): Promise<WizardResult> {
  const context: FlowContext = {
    prompter,
    kb,
    catalogue,
    rules: fieldRules(kb),
    fixed: start.fixed ?? {},
    today: start.today,
    ...(start.prefill ? { earlier: start.prefill } : {}),
    checkRegister: start.checkRegister,
  };
  let draft = initialDraft(kb, start);
  if (start.prefill)
    prompter.print('De vragen zijn vooraf ingevuld met het antwoordenbestand; Enter neemt een antwoord over.');

  for (const section of sections) draft = await askSection(context, section, draft, 'first');

  for (;;) {
    prompter.print(summary(context, draft));
    const choice = await prompter.select({
      message: 'Wat wilt u doen?',
      choices: [
        { value: 'maken', name: 'Documenten maken en antwoorden opslaan' },
        { value: 'wijzigen', name: 'Een onderdeel wijzigen' },
        { value: 'stoppen', name: 'Stoppen zonder iets op te slaan' },
      ],
      default: 'maken',
    });
    if (choice === 'stoppen') throw new WizardStopped();
    if (choice === 'wijzigen') {
      const id = await prompter.select({
        message: 'Welk onderdeel wilt u wijzigen?',
        choices: sections
          .filter((section) => !section.skipped?.(context, 'change', draft))
          .map((section) => ({ value: section.id, name: section.title, description: section.help })),
      });
      draft = await changeSection(context, draft, id);
      continue;
    }
    const answers = toAnswersInput(kb, draft.answers);
    const checked = answersSchema(kb).safeParse(answers);
    if (checked.success) {
      return {
        answers,
        documents: draft.documents,
        formats: draft.formats,
        outputDir: draft.outputDir,
        ...(draft.register ? { register: { path: draft.register.path, skipBadRows: draft.register.skipBadRows } } : {}),
      };
    }
    // Every question validates already; this only catches a rule between groups that no question covers.
    prompter.print(
      `De antwoorden kloppen nog niet:\n${checked.error.issues.map((issue) => `  - ${formatKeyPath(issue.path)}: ${issue.message}`).join('\n')}`,
    );
  }
}

/** Asks one group again, then every later group that depends on what changed; back to the summary after. */
async function changeSection(context: FlowContext, draft: Draft, id: string): Promise<Draft> {
  const index = sections.findIndex((section) => section.id === id);
  const before = draft;
  let after = await askSection(context, sections[index]!, draft, 'change');
  for (const later of sections.slice(index + 1)) {
    if (later.affectedBy?.(context, before, after) && !later.skipped?.(context, 'change', after)) {
      context.prompter.print(`Door deze wijziging komt "${later.title}" opnieuw aan bod.`);
      after = await askSection(context, later, after, 'change');
    }
  }
  return after;
}

async function askSection(context: FlowContext, section: Section, draft: Draft, mode: AskMode): Promise<Draft> {
  if (section.skipped?.(context, mode, draft)) return draft;
  context.prompter.print(`\n${section.title}\n${section.help}`);
  return section.ask(context, draft, mode);
}

/** In the wizard a warning is settled in the summary's menu, not in the answers file or with --jaar. */
function wizardRemedy(warning: DocumentWarning): string {
  switch (warning.kind) {
    case 'dateNotAfterReportYear':
      return `Kies "Een onderdeel wijzigen" en dan "${period.title}" voor een latere datum of een ander verslagjaar.`;
    case 'reportYearBeforePlanPeriod':
      return `Kies "Een onderdeel wijzigen" en dan "${period.title}" voor een verslagjaar in de planperiode, of maak de rapportage later.`;
    case 'fillInsInAdoptedPlan':
      // The wizard does not ask the status: it stays in the saved answers file.
      return 'Vul ze in het document in, of zet "status: concept" in het opgeslagen antwoordenbestand zolang het plan niet af is.';
    default:
      // The wizard does not ask for the action plan's changes either: they stay in the saved answers file.
      return actionPlanRemedy(warning);
  }
}

/** The warning as the wizard shows it: the finding of `genereer`, the remedy of the wizard. */
export function wizardWarningText(warning: DocumentWarning): string {
  return `${warningFinding(warning)} ${wizardRemedy(warning)}`;
}

/**
 * Rows the menu under the summary takes: "Wat wilt u doen?", three choices, a blank line and the
 * key help, which takes a second line below 64 columns.
 */
const menuRows = (columns: number) => (columns < 64 ? 7 : 6);

/**
 * The summary as text: one label column, values wrapped after it. Below it, the warnings that making
 * these documents gives (the same rule as `genereer`), while they can still be changed. It is laid
 * out to fit above the menu: when the terminal is too small, the longest lists are shortened
 * ("… en nog 3") until it fits, so its first line is on screen while the user chooses.
 */
export function summary(context: FlowContext, draft: Draft): string {
  const { columns, rows } = context.prompter.size;
  const table = sections.flatMap((section) => section.summary(context, draft));
  const labelWidth = Math.max(...table.map(([label]) => label.length));
  const warnings = documentWarnings(draft.answers, {
    documents: draft.documents,
    registerGiven: draft.register !== undefined,
    today: context.today,
  });
  const warningLines =
    warnings.length > 0 ? ['', ...warnings.flatMap((w) => wrapText(wizardWarningText(w), columns).split('\n'))] : [];
  // How many items of each list row are shown; all, to begin with.
  const shown = table.map(([, value]) => (typeof value === 'string' ? 0 : value.length));
  const render = () => [
    '',
    'Samenvatting',
    ...table.flatMap((row, index) => rowLines(row, shown[index]!, labelWidth, columns)),
    ...warningLines,
  ];
  const room = rows - menuRows(columns);
  let lines = render();
  for (;;) {
    if (lines.length <= room) break;
    const longest = table
      .map((row, index) => ({ index, height: rowLines(row, shown[index]!, labelWidth, columns).length }))
      .filter(({ index }) => shown[index]! > 1)
      .sort((a, b) => b.height - a.height || b.index - a.index)[0];
    if (!longest) break;
    shown[longest.index]!--;
    lines = render();
  }
  // Still too tall for this terminal: the top stays, the warnings too, the rest of the table goes.
  if (lines.length > room) {
    const kept = Math.max(3, room - warningLines.length - 1);
    lines = [
      ...lines.slice(0, kept),
      '  … (de rest past niet in dit venster; maak het groter om alles te zien)',
      ...warningLines,
    ];
  }
  return lines.join('\n');
}

function rowLines([label, value]: SummaryRow, shown: number, labelWidth: number, columns: number): string[] {
  const text =
    typeof value === 'string'
      ? value
      : value.length === 0
        ? 'geen'
        : shown < value.length
          ? `${value.slice(0, shown).join(', ')} … en nog ${value.length - shown}`
          : listed(value);
  const column = 2 + labelWidth + 2;
  const [first = '', ...rest] = continueLine(text, column, columns, column);
  return [`  ${label.padEnd(labelWidth)}  ${first}`.trimEnd(), ...rest];
}
