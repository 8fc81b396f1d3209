import type { Answers } from '../../answers/schema.js';
import { longDate } from '../../plan/dates.js';
import { reportRequested, reportYear, reportYearBeforePlan, showsReport } from '../../plan/rules.js';
import type { DocumentKind } from '../../vocabulary.js';
import type { Draft } from '../draft.js';
import type { FlowContext, Section } from './section.js';

/** Whether the documents show a report year: made or offered, as `genereer` decides. */
export function showsReportYear({ documents, answers, register }: Draft): boolean {
  return showsReport(documents, reportRequested(answers, register !== undefined));
}

/**
 * The document date. Re-opened answers keep their own date, with today one key away; a new plan
 * types one, in any of the ways the answers file accepts, with today as default.
 */
async function askDate({ prompter, rules, today, earlier }: FlowContext, draft: Draft): Promise<string> {
  const current = draft.answers.datum ?? today;
  if (current !== today) {
    const origin = current === earlier?.datum ? 'uit het antwoordenbestand' : 'zoals ingevuld';
    const chosen = await prompter.select({
      message: 'Datum van de documenten:',
      choices: [
        { value: current, name: `${longDate(current)} (${origin})` },
        { value: today, name: `vandaag, ${longDate(today)}` },
        { value: 'anders', name: 'een andere datum' },
      ],
      default: current,
    });
    if (chosen !== 'anders') return chosen;
  }
  const typed = await prompter.input({
    message: 'Datum van de documenten (bijv. 15-01-2027 of 15 januari 2027):',
    default: longDate(current),
    validate: rules.date,
  });
  return rules.isoDate(typed);
}

/**
 * The rapportage's year. The default is the answers' own year, else the year before the date; when
 * that lies before the plan period (plan/rules.ts), every measure of the plan would be "later
 * gepland", so the wizard asks what the user wants instead of offering it silently.
 */
async function askReportYear(
  { prompter, rules }: FlowContext,
  draft: Draft,
  datum: string,
  planperiode: { van: number; tot: number },
): Promise<{ verslagjaar: number | undefined; documents: DocumentKind[] }> {
  const { documents } = draft;
  const suggested = reportYear(draft.answers, datum);
  const askYear = (year: number) =>
    prompter.number({ message: 'Over welk jaar gaat de integriteitsrapportage?', default: year, validate: rules.year });
  if (!reportYearBeforePlan(suggested, planperiode)) return { verslagjaar: await askYear(suggested), documents };

  const { van, tot } = planperiode;
  prompter.print(
    `Een rapportage over ${suggested} ligt vóór de planperiode ${van}–${tot}: alle maatregelen uit het plan staan er dan in als "later gepland".`,
  );
  const withPlan = documents.includes('beleidsplan');
  const chosen = await prompter.select({
    message: 'Wat wilt u met de integriteitsrapportage?',
    choices: [
      ...(withPlan ? [{ value: 'later', name: `Nu geen rapportage maken; die over ${van} kan vanaf ${van + 1}` }] : []),
      { value: 'jaar', name: 'Een ander verslagjaar kiezen' },
      { value: 'toch', name: `Toch een rapportage over ${suggested}` },
    ],
    default: withPlan ? 'later' : 'jaar',
  });
  if (chosen === 'later')
    return { verslagjaar: draft.answers.verslagjaar, documents: documents.filter((kind) => kind !== 'rapportage') };
  return { verslagjaar: chosen === 'toch' ? suggested : await askYear(van), documents };
}

export const period: Section = {
  id: 'periode',
  title: 'Planperiode, datum en auteur',
  help: 'De planperiode bepaalt het actieplan; de datum staat in de documenten.',
  async ask(context, draft) {
    const { prompter, rules } = context;
    const previous = draft.answers.planperiode;
    const van = await prompter.number({
      message: 'Planperiode – van (eerste jaar):',
      default: previous.van,
      validate: rules.year,
    });
    const tot = await prompter.number({
      message: 'Planperiode – tot (laatste jaar, t/m):',
      default: van + Math.max(0, previous.tot - previous.van),
      validate: rules.periodEnd(van),
    });
    const datum = await askDate(context, draft);
    let { documents } = draft;
    let verslagjaar = draft.answers.verslagjaar;
    if (showsReportYear(draft)) ({ verslagjaar, documents } = await askReportYear(context, draft, datum, { van, tot }));
    const author = draft.answers.auteur;
    const naam = (
      await prompter.input({
        message: 'Naam van de auteur (leeg laten mag):',
        ...(author?.naam ? { default: author.naam } : {}),
        validate: rules.optionalPersonName,
      })
    ).trim();
    let auteur: Answers['auteur'];
    if (naam) {
      const functie = (
        await prompter.input({
          message: `Functie van ${naam} (leeg laten mag):`,
          ...(author?.functie ? { default: author.functie } : {}),
          validate: rules.optionalFunction,
        })
      ).trim();
      // Phone and e-mail from an earlier file belong to that person only.
      const contact = author?.naam === naam ? { telefoon: author.telefoon, email: author.email } : {};
      auteur = Object.fromEntries(
        Object.entries({ naam, functie: functie || undefined, ...contact }).filter(([, value]) => value !== undefined),
      ) as NonNullable<Answers['auteur']>;
    }
    const answers: Answers = { ...draft.answers, planperiode: { van, tot }, datum };
    if (verslagjaar !== undefined) answers.verslagjaar = verslagjaar;
    if (auteur) answers.auteur = auteur;
    else delete answers.auteur;
    return { ...draft, answers, documents };
  },
  summary: (_context, draft) => {
    const { answers } = draft;
    return [
      ['Planperiode', `${answers.planperiode.van} t/m ${answers.planperiode.tot}`],
      ['Datum', answers.datum ? longDate(answers.datum) : ''],
      ...(showsReportYear(draft) && answers.verslagjaar !== undefined
        ? [['Verslagjaar', String(answers.verslagjaar)] as [string, string]]
        : []),
      ['Auteur', answers.auteur ? [answers.auteur.naam, answers.auteur.functie].filter(Boolean).join(', ') : 'geen'],
    ];
  },
  affectedBy: (_context, before, after) => !showsReportYear(before) && showsReportYear(after),
};
