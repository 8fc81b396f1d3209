import type { Answers } from '../../answers/schema.js';
import type { NormStand } from '../../knowledge/schema.js';
import { normStand } from '../../plan/rules.js';
import { withAnswers, type Section, type SummaryRow } from './section.js';

type NormAnswers = NonNullable<Answers['basisnormen']>;

/**
 * The self-scan of the basisnormen: one question per norm, in one pass, each with its one-line summary
 * and the four stands explained. A remark or year of revision from an earlier answers file stays with
 * its norm. Not filled in: no `basisnormen` in the answers, and the plan gets a table to fill in.
 */
export const norms: Section = {
  id: 'basisnormen',
  title: 'Basisnormen',
  help: 'Per basisnorm integriteit: aanwezig, deels, ontbreekt of onbekend. Voor wat niet op orde is, neemt het plan maatregelen op.',
  async ask({ prompter, kb, earlier }, draft) {
    const current = draft.answers.basisnormen;
    const all = kb.basisnormen.normen;
    const now = await prompter.confirm({
      message: `Wilt u nu per basisnorm (${all.length}) aangeven hoe het ermee staat?`,
      // A new plan is asked; an earlier file without the section keeps it that way on Enter.
      default: earlier === undefined || current !== undefined,
    });
    if (!now) {
      prompter.print('Het plan krijgt dan een tabel met de basisnormen om in te vullen.');
      return withoutNorms(draft);
    }
    const basisnormen: NormAnswers = {};
    for (const [index, norm] of all.entries()) {
      const stand = await prompter.select<NormStand>({
        message: `${index + 1}/${all.length} ${norm.titel}: ${lowerFirst(norm.samenvatting)}`,
        choices: kb.basisnormen.standen.map((entry) => ({
          value: entry.id as NormStand,
          name: entry.label,
          description: entry.omschrijving,
        })),
        default: normStand(draft.answers, norm.id) ?? 'onbekend',
      });
      basisnormen[norm.id] = { ...current?.[norm.id], stand };
    }
    return withAnswers(draft, { basisnormen });
  },
  summary: ({ kb }, { answers }) => {
    if (answers.basisnormen === undefined) return [['Basisnormen', 'niet ingevuld (het plan krijgt een tabel)']];
    const withStand = (stand: NormStand) =>
      kb.basisnormen.normen.filter((norm) => normStand(answers, norm.id) === stand).map((norm) => norm.titel);
    const counts = kb.basisnormen.standen
      .map((entry) => [entry.label, withStand(entry.id as NormStand).length] as const)
      .filter(([, count]) => count > 0)
      .map(([label, count]) => `${count} ${label}`);
    const rows: SummaryRow[] = [['Basisnormen', counts.join(', ')]];
    const missing = withStand('ontbreekt');
    if (missing.length > 0) rows.push(['', [`ontbreekt: ${missing[0]}`, ...missing.slice(1)]]);
    return rows;
  },
};

function withoutNorms(draft: Parameters<Section['ask']>[1]) {
  const answers: Answers = { ...draft.answers };
  delete answers.basisnormen;
  return { ...draft, answers };
}

/** "Wie in dienst komt, …" after a colon reads "wie in dienst komt, …". */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
