import type { Answers, AnswersInput } from '../answers/schema.js';
import type { KnowledgeBase } from '../knowledge/model.js';
import { chaptersInForce, weakThemesInForce } from '../plan/rules.js';
import type { DocumentKind, Format } from '../vocabulary.js';

/**
 * What the wizard knows so far: the answers object itself (the same type the answers file parses
 * to) plus the three things that are not part of that file. Every question reads its default from
 * here and writes its answer back.
 */
export interface Draft {
  answers: Answers;
  documents: DocumentKind[];
  formats: Format[];
  outputDir: string;
  /**
   * The meldingen register, as the user gave it (relative to where they stand); the session saves it
   * in the answers relative to the answers file. Kept in the answers when no rapportage is made.
   */
  register?: RegisterChoice;
}

export interface RegisterChoice {
  path: string;
  skipBadRows: boolean;
  /** What was counted ("12 uit 2027, 1 rij overgeslagen"), once it was checked. */
  counted?: string;
}

/** Values given on the command line: their questions are skipped on the first pass. */
export interface FixedChoices {
  documents?: DocumentKind[];
  formats?: Format[];
  outputDir?: string;
}

export interface DraftStart {
  /** An earlier answers file (`--antwoorden`): every question starts from its value. */
  prefill?: Answers;
  /** The register of that file, its path relative to where the user stands. */
  register?: RegisterChoice;
  /** The default output folder: the folder of that file. */
  outputDir?: string;
  fixed?: FixedChoices;
  /** ISO date: the default document date of a new plan, and from it the first year of its period. */
  today: string;
}

export const defaultDocuments: DocumentKind[] = ['beleidsplan'];
export const defaultFormats: Format[] = ['docx', 'pdf'];
export const defaultOutputDir = 'output';
/** A new plan runs four years, like the examples. */
const defaultPlanYears = 4;

/** A plan is written for the coming year: from October on, a new plan starts next year. */
export function defaultFirstYear(today: string): number {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month >= 10 ? year + 1 : year;
}

export function initialDraft(kb: KnowledgeBase, start: DraftStart): Draft {
  const year = defaultFirstYear(start.today);
  const answers: Answers = start.prefill ?? {
    organisatie: { naam: '', type: kb.organisationTypes[0]!.id },
    zwakke_themas: [],
    prioriteiten: {},
    toelichting: {},
    planperiode: { van: year, tot: year + defaultPlanYears - 1 },
    datum: start.today,
    status: 'concept',
    maatregel_status: {},
  };
  // The register is the draft's own `register`, with its path as the user sees it.
  const rest: Answers = { ...answers };
  delete rest.meldingen;
  return {
    // An earlier file keeps its own date (the date question offers today next to it).
    answers: { ...rest, datum: answers.datum ?? start.today },
    documents: start.fixed?.documents ?? defaultDocuments,
    formats: start.fixed?.formats ?? defaultFormats,
    outputDir: start.fixed?.outputDir ?? start.outputDir ?? defaultOutputDir,
    ...(start.register ? { register: start.register } : {}),
  };
}

/**
 * The answers as they go into the file: only what is in force (priorities and remarks of themes
 * that are no longer weak are dropped), empty parts left out, keys in the order of the examples.
 */
export function toAnswersInput(kb: KnowledgeBase, answers: Answers): AnswersInput {
  const weak = weakThemesInForce(kb, answers).map((theme) => theme.id);
  const onlyWeak = <T>(record: Record<string, T>): Record<string, T> =>
    Object.fromEntries(weak.filter((id) => record[id] !== undefined).map((id) => [id, record[id]!]));
  const prioriteiten = onlyWeak(answers.prioriteiten);
  const toelichting = onlyWeak(answers.toelichting);
  return {
    organisatie: { naam: answers.organisatie.naam.trim(), type: answers.organisatie.type },
    hoofdstukken: chaptersInForce(kb, answers),
    zwakke_themas: weak,
    ...(Object.keys(prioriteiten).length > 0 ? { prioriteiten } : {}),
    ...(Object.keys(toelichting).length > 0 ? { toelichting } : {}),
    ...(answers.onderbouwing ? { onderbouwing: answers.onderbouwing } : {}),
    ...(answers.basisnormen ? { basisnormen: normsInput(kb, answers.basisnormen) } : {}),
    planperiode: { van: answers.planperiode.van, tot: answers.planperiode.tot },
    ...(answers.datum ? { datum: answers.datum } : {}),
    status: answers.status,
    ...(answers.versie ? { versie: answers.versie } : {}),
    ...(answers.verslagjaar !== undefined ? { verslagjaar: answers.verslagjaar } : {}),
    ...(answers.auteur ? { auteur: answers.auteur } : {}),
    ...(answers.vertrouwenspersoon ? { vertrouwenspersoon: answers.vertrouwenspersoon } : {}),
    ...(answers.contactpersoon ? { contactpersoon: answers.contactpersoon } : {}),
    ...(Object.keys(answers.maatregel_status).length > 0 ? { maatregel_status: answers.maatregel_status } : {}),
    // The wizard does not ask for the officer's changes to the action plan; a saved file keeps them.
    ...(answers.actieplan ? { actieplan: actionPlanInput(answers.actieplan) } : {}),
    // Nor for the report's own figures and how the letter offers it.
    ...(answers.rapportage ? { rapportage: answers.rapportage } : {}),
    ...(answers.aanbieding ? { aanbieding: answers.aanbieding } : {}),
    // Nor whether the PDFs are also PDF/A.
    ...(answers.pdfa !== undefined ? { pdfa: answers.pdfa } : {}),
  };
}

/** The basisnormen in the knowledge base's order; a norm with nothing but a stand in the short form ("deels"). */
function normsInput(
  kb: KnowledgeBase,
  norms: NonNullable<Answers['basisnormen']>,
): NonNullable<AnswersInput['basisnormen']> {
  return Object.fromEntries(
    kb.basisnormen.normen
      .filter((norm) => norms[norm.id] !== undefined)
      .map((norm) => {
        const answer = norms[norm.id]!;
        return [norm.id, Object.keys(answer).length === 1 ? answer.stand : answer];
      }),
  );
}

/** The action plan section as it goes into the file: quarters written back as the plan shows them ("K3 2027"). */
function actionPlanInput(plan: NonNullable<Answers['actieplan']>): NonNullable<AnswersInput['actieplan']> {
  const quarter = (q: { jaar: number; kwartaal: number } | undefined) =>
    q ? { kwartaal: `K${q.kwartaal} ${q.jaar}` } : {};
  return {
    ...(plan.max_per_kwartaal !== undefined ? { max_per_kwartaal: plan.max_per_kwartaal } : {}),
    ...(plan.maatregelen
      ? {
          maatregelen: Object.fromEntries(
            Object.entries(plan.maatregelen).map(([id, { kwartaal, ...rest }]) => [
              id,
              { ...rest, ...quarter(kwartaal) },
            ]),
          ),
        }
      : {}),
    ...(plan.eigen
      ? {
          eigen: plan.eigen.map(({ kwartaal, basisnormen, ...rest }) => ({
            ...rest,
            ...(basisnormen.length > 0 ? { basisnormen } : {}),
            ...quarter(kwartaal),
          })),
        }
      : {}),
  };
}
