import { getChapter, themesOfChapter } from '../../knowledge/model.js';
import { chaptersInForce, weakThemesInForce } from '../../plan/rules.js';
import { chapterHeading, themeChapter } from '../labels.js';
import { sameSet, withAnswers, type Section, type SummaryRow } from './section.js';

export const themes: Section = {
  id: 'themas',
  title: "Zwakke thema's",
  help: "Vink per hoofdstuk de thema's aan die volgens uw eigen beoordeling zwak scoren; onder de lijst staat waar het thema over gaat.",
  async ask({ prompter, kb }, draft) {
    const current = weakThemesInForce(kb, draft.answers).map((theme) => theme.id);
    const weak: string[] = [];
    for (const chapterId of chaptersInForce(kb, draft.answers)) {
      prompter.print(chapterHeading(getChapter(kb, chapterId)));
      const chosen = await prompter.checkbox({
        message: "Welke thema's uit dit hoofdstuk scoorden zwak?",
        hint: 'geen mag ook',
        choices: themesOfChapter(kb, chapterId).map((theme) => ({
          value: theme.id,
          name: theme.titel,
          description: theme.samenvatting,
          checked: current.includes(theme.id),
        })),
      });
      weak.push(...chosen);
    }
    return withAnswers(draft, { zwakke_themas: kb.themes.map((t) => t.id).filter((id) => weak.includes(id)) });
  },
  summary: ({ kb }, { answers }) => {
    const weak = weakThemesInForce(kb, answers);
    if (weak.length === 0) return [["Zwakke thema's", 'geen']];
    // A row per chapter: theme titles repeat across chapters ("Waarden en normen").
    const rows = chaptersInForce(kb, answers).flatMap((chapterId) => {
      const titles = weak.filter((theme) => theme.hoofdstuk === chapterId).map((theme) => theme.titel);
      if (titles.length === 0) return [];
      const [first, ...rest] = titles;
      return [
        [
          `${themeChapter(
            kb,
            weak.find((theme) => theme.hoofdstuk === chapterId)!,
          )}: ${first}`,
          ...rest,
        ],
      ];
    });
    return rows.map((items, index): SummaryRow => [index === 0 ? `Zwakke thema's (${weak.length})` : '', items]);
  },
  affectedBy: ({ kb }, before, after) =>
    before.answers.organisatie.type !== after.answers.organisatie.type ||
    !sameSet(chaptersInForce(kb, before.answers), chaptersInForce(kb, after.answers)),
};
