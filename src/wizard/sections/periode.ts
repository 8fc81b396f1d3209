import type { Answers } from '../../answers/schema.js';
import { reportRequested, reportYear, showsReport } from '../../plan/rules.js';
import type { Draft } from '../draft.js';
import type { Section } from './section.js';

/** Whether the documents show a report year; the wizard reads no register. */
function showsReportYear({ documents, answers }: Draft): boolean {
  return showsReport(documents, reportRequested(answers, false));
}

export const period: Section = {
  id: 'periode',
  title: 'Planperiode, datum en auteur',
  help: 'De planperiode bepaalt het actieplan; de datum staat in de documenten (JJJJ-MM-DD).',
  async ask({ prompter, rules }, draft) {
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
    const datum = await prompter.input({
      message: 'Datum van de documenten (JJJJ-MM-DD):',
      ...(draft.answers.datum ? { default: draft.answers.datum } : {}),
      validate: rules.date,
    });
    let verslagjaar = draft.answers.verslagjaar;
    if (showsReportYear(draft)) {
      verslagjaar = await prompter.number({
        message: 'Over welk jaar gaat de integriteitsrapportage?',
        default: reportYear(draft.answers, datum),
        validate: rules.year,
      });
    }
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
    return { ...draft, answers };
  },
  summary: (_context, draft) => {
    const { answers } = draft;
    return [
      ['Planperiode', `${answers.planperiode.van} t/m ${answers.planperiode.tot}`],
      ['Datum', answers.datum ?? ''],
      ...(showsReportYear(draft) && answers.verslagjaar !== undefined
        ? [['Verslagjaar', String(answers.verslagjaar)] as [string, string]]
        : []),
      ['Auteur', answers.auteur ? [answers.auteur.naam, answers.auteur.functie].filter(Boolean).join(', ') : '(geen)'],
    ];
  },
  affectedBy: (_context, before, after) => !showsReportYear(before) && showsReportYear(after),
};
