import { reportYear } from '../../plan/rules.js';
import type { Draft, RegisterChoice } from '../draft.js';
import { showsReportYear } from './periode.js';
import type { RegisterCheck, Section } from './section.js';

/** Rows with mistakes listed under the question; the rest is counted. */
const problemsShown = 10;

/** The register is read for the report year the documents show. */
function yearOf(draft: Draft): number {
  return reportYear(draft.answers, draft.answers.datum ?? '');
}

export const register: Section = {
  id: 'meldingen',
  title: 'Meldingenregister',
  help:
    'Optioneel: met de CSV-export van uw meldingenregister krijgt de rapportage de aantallen meldingen; ' +
    'zonder register krijgen de tabellen vakken om zelf in te vullen.',
  skipped: (_context, _mode, draft) => !showsReportYear(draft),
  async ask({ prompter, checkRegister }, draft) {
    const year = yearOf(draft);
    let path = draft.register?.path;
    for (;;) {
      // The same checks and messages as `genereer --meldingen`, while typing.
      let check: RegisterCheck | undefined;
      const typed = await prompter.input({
        message: `Meldingenregister over ${year} (pad naar de CSV-export; leeg laten mag):`,
        ...(path ? { default: path } : {}),
        validate: async (text) => {
          if (text.trim() === '') return true;
          check = await checkRegister(text.trim(), year, draft.answers.organisatie.type);
          return check.ok ? true : check.message;
        },
      });
      path = typed.trim();
      if (path === '') {
        const without = { ...draft };
        delete without.register;
        return without;
      }
      // Answered from the log when going back: check again, as the documents will.
      check ??= await checkRegister(path, year, draft.answers.organisatie.type);
      if (!check.ok) {
        prompter.print(check.message);
        continue;
      }
      let skipBadRows = false;
      if (check.badRows > 0) {
        const more = check.problems.length - problemsShown;
        prompter.print(
          [
            `Dit register heeft ${check.badRows === 1 ? '1 rij' : `${check.badRows} rijen`} met fouten:`,
            ...check.problems.slice(0, problemsShown).map((problem) => `  - ${problem}`),
            ...(more > 0 ? [`  … en nog ${more}`] : []),
          ].join('\n'),
        );
        skipBadRows = await prompter.confirm({
          message: 'Deze rijen overslaan? De rapportage vermeldt dan hoeveel er zijn overgeslagen.',
          default: draft.register?.path === path && draft.register.skipBadRows,
        });
        if (!skipBadRows) {
          prompter.print('Verbeter die rijen in het register en geef het opnieuw op, of laat het pad leeg.');
          continue;
        }
      }
      prompter.print(`Meldingenregister ${path}: ${check.summary}.`);
      if (check.counted === 0 && check.outsideYear > 0)
        prompter.print(
          `Let op: geen enkele melding in dit register valt in verslagjaar ${year}. Klopt het verslagjaar?`,
        );
      const skipped =
        check.badRows > 0 ? `, ${check.badRows} ${check.badRows === 1 ? 'rij' : 'rijen'} overgeslagen` : '';
      const chosen: RegisterChoice = {
        path,
        skipBadRows,
        counted: `${check.counted} ${check.counted === 1 ? 'melding' : 'meldingen'} uit ${year}${skipped}`,
      };
      return { ...draft, register: chosen };
    }
  },
  summary: (_context, draft) =>
    showsReportYear(draft)
      ? [
          [
            'Meldingen',
            draft.register
              ? `${draft.register.path}${draft.register.counted ? `: ${draft.register.counted}` : ''}`
              : 'geen register: de rapportage krijgt vakken om in te vullen',
          ],
        ]
      : [],
  // Another type counts in another typology (the Rijk has its own types): check the register again.
  affectedBy: (_context, before, after) =>
    showsReportYear(after) &&
    (!showsReportYear(before) ||
      yearOf(before) !== yearOf(after) ||
      before.answers.organisatie.type !== after.answers.organisatie.type),
};
