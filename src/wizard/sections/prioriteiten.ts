import { priorityIds, type Priority } from '../../answers/schema.js';
import { defaultPriority, themePriority, weakThemesInForce } from '../../plan/rules.js';
import { themeChapter } from '../labels.js';
import { sameSet, withAnswers, type Section, type SummaryRow } from './section.js';

const priorityDescriptions: Record<Priority, string> = {
  hoog: 'de maatregelen komen vooraan in het actieplan',
  midden: 'de gewone volgorde (standaard)',
  laag: 'de maatregelen komen later in de planperiode',
};

export const priorities: Section = {
  id: 'prioriteiten',
  title: 'Prioriteiten',
  help: 'Optioneel: wat hoog staat, komt eerst in het actieplan. Zonder keuze is alles "midden".',
  async ask({ prompter, kb }, draft) {
    const weak = weakThemesInForce(kb, draft.answers);
    if (weak.length === 0) {
      prompter.print("Er zijn geen zwakke thema's gekozen, dus ook geen prioriteiten.");
      return draft;
    }
    const hasPriorities = weak.some((theme) => draft.answers.prioriteiten[theme.id] !== undefined);
    const choose = await prompter.confirm({
      message: `Wilt u per zwak thema een prioriteit kiezen (hoog, midden of laag)?`,
      default: hasPriorities,
    });
    if (!choose) return withAnswers(draft, { prioriteiten: {} });
    const prioriteiten: Record<string, Priority> = {};
    for (const theme of weak) {
      const priority = await prompter.select({
        message: `Prioriteit van "${theme.titel}" (${themeChapter(kb, theme)}):`,
        choices: priorityIds.map((priority) => ({
          value: priority,
          name: priority,
          description: priorityDescriptions[priority],
        })),
        default: themePriority(draft.answers, theme.id),
      });
      // The default is only written down where the file already said so.
      if (priority !== defaultPriority || draft.answers.prioriteiten[theme.id] !== undefined)
        prioriteiten[theme.id] = priority;
    }
    return withAnswers(draft, { prioriteiten });
  },
  summary: ({ kb }, { answers }) => {
    const weak = weakThemesInForce(kb, answers);
    if (weak.length === 0) return [];
    const byPriority = priorityIds.map((priority) => ({
      priority,
      titles: weak.filter((theme) => themePriority(answers, theme.id) === priority).map((t) => t.titel),
    }));
    if (byPriority.every(({ priority, titles }) => priority === defaultPriority || titles.length === 0)) {
      return [['Prioriteiten', `alle zwakke thema's "${defaultPriority}"`]];
    }
    // Only what differs from the default, which the help line names.
    return byPriority
      .filter(({ priority, titles }) => priority !== defaultPriority && titles.length > 0)
      .map(({ priority, titles }, index): SummaryRow => {
        const [first, ...rest] = titles;
        return [index === 0 ? 'Prioriteiten' : '', [`${priority}: ${first}`, ...rest]];
      });
  },
  affectedBy: ({ kb }, before, after) =>
    !sameSet(
      weakThemesInForce(kb, before.answers).map((theme) => theme.id),
      weakThemesInForce(kb, after.answers).map((theme) => theme.id),
    ),
};
