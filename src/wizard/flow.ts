import { answersSchema, type AnswersInput } from '../answers/schema.js';
import type { KnowledgeBase } from '../knowledge/model.js';
import { documentWarnings } from '../plan/rules.js';
import { warningText } from '../plan/warnings.js';
import { formatKeyPath } from '../validation/problem.js';
import type { DocumentCatalogue, DocumentKind, Format } from '../vocabulary.js';
import { initialDraft, toAnswersInput, type Draft, type DraftStart } from './draft.js';
import { fieldRules } from './field-rules.js';
import { WizardStopped, type Choice, type Prompter } from './prompter.js';
import { sections, type AskMode, type FlowContext, type Section } from './sections/index.js';

/** Everything the wizard decided: the answers file's content plus what to make and where. */
export interface WizardResult {
  /** Valid for answersSchema(kb); written to the answers file as it is. */
  answers: AnswersInput;
  documents: DocumentKind[];
  formats: Format[];
  outputDir: string;
}

type MenuChoice = 'maken' | 'stoppen' | `wijzig:${string}`;

/**
 * The wizard's questions, from first question to "maken": pure apart from the prompter, so a test
 * can say "given these choices, this answers object". Stopping throws WizardStopped.
 */
export async function runWizardFlow(
  prompter: Prompter,
  kb: KnowledgeBase,
  catalogue: DocumentCatalogue,
  start: DraftStart,
): Promise<WizardResult> {
  const context: FlowContext = {
    prompter,
    kb,
    catalogue,
    rules: fieldRules(kb),
    fixed: start.fixed ?? {},
    today: start.today,
  };
  let draft = initialDraft(kb, start);
  if (start.prefill)
    prompter.print('De vragen zijn vooraf ingevuld met het antwoordenbestand; Enter neemt een antwoord over.');

  for (const section of sections) draft = await askSection(context, section, draft, 'first');

  for (;;) {
    prompter.print(summary(context, draft));
    const choice = await prompter.select<MenuChoice>({
      message: 'Wat wilt u doen?',
      choices: menu(),
      default: 'maken',
    });
    if (choice === 'stoppen') throw new WizardStopped();
    if (choice === 'maken') {
      const answers = toAnswersInput(kb, draft.answers);
      const checked = answersSchema(kb).safeParse(answers);
      if (checked.success)
        return { answers, documents: draft.documents, formats: draft.formats, outputDir: draft.outputDir };
      // Every question validates already; this only catches a rule between groups that no question covers.
      prompter.print(
        `De antwoorden kloppen nog niet:\n${checked.error.issues.map((issue) => `  - ${formatKeyPath(issue.path)}: ${issue.message}`).join('\n')}`,
      );
      continue;
    }
    draft = await changeSection(context, draft, choice.slice('wijzig:'.length));
  }
}

/** Asks one group again, then every later group that depends on what changed; back to the summary after. */
async function changeSection(context: FlowContext, draft: Draft, id: string): Promise<Draft> {
  const index = sections.findIndex((section) => section.id === id);
  const before = draft;
  let after = await askSection(context, sections[index]!, draft, 'change');
  for (const later of sections.slice(index + 1)) {
    if (later.affectedBy?.(context, before, after)) {
      context.prompter.print(`Door deze wijziging komt "${later.title}" opnieuw aan bod.`);
      after = await askSection(context, later, after, 'change');
    }
  }
  return after;
}

async function askSection(context: FlowContext, section: Section, draft: Draft, mode: AskMode): Promise<Draft> {
  if (section.skipped?.(context, mode)) return draft;
  context.prompter.print(`\n${section.title}\n${section.help}`);
  return section.ask(context, draft, mode);
}

function menu(): Choice<MenuChoice>[] {
  return [
    { value: 'maken', name: 'Documenten maken en antwoorden opslaan' },
    ...sections.map((section) => ({
      value: `wijzig:${section.id}` as const,
      name: `Wijzigen: ${section.title}`,
      description: section.help,
    })),
    { value: 'stoppen', name: 'Stoppen zonder iets op te slaan' },
  ];
}

/**
 * The summary as text: one label column, values after it. Below it, the warnings that making these
 * documents gives (the same rule and words as `genereer`), while they can still be changed.
 */
function summary(context: FlowContext, draft: Draft): string {
  const rows = sections.flatMap((section) => section.summary(context, draft));
  const width = Math.max(...rows.map(([label]) => label.length));
  const warnings = documentWarnings(draft.answers, {
    documents: draft.documents,
    registerGiven: false,
    today: context.today,
  });
  return [
    '',
    'Samenvatting',
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    ...(warnings.length > 0 ? ['', ...warnings.map(warningText)] : []),
    '',
  ].join('\n');
}
