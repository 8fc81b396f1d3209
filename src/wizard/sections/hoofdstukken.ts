import { getChapter, getOrganisationType } from '../../knowledge/model.js';
import { chaptersInForce } from '../../plan/rules.js';
import { chapterHeading, chapterNumbers } from '../labels.js';
import { withAnswers, type Section } from './section.js';

export const chapters: Section = {
  id: 'hoofdstukken',
  title: 'Hoofdstukken van de monitor',
  help: 'Alleen de hoofdstukken die voor dit type organisatie gelden; ze staan al aangevinkt.',
  async ask({ prompter, kb, rules }, draft) {
    const type = getOrganisationType(kb, draft.answers.organisatie.type);
    const current = chaptersInForce(kb, draft.answers);
    const chosen = await prompter.checkbox({
      message: 'Welke hoofdstukken van de monitor horen in het plan?',
      choices: type.hoofdstukken.map((id) => {
        const chapter = getChapter(kb, id);
        return {
          value: id,
          name: chapterHeading(chapter),
          short: chapter.monitorhoofdstuk,
          description: chapter.omschrijving,
          checked: current.includes(id),
        };
      }),
      validate: rules.chapters,
    });
    return withAnswers(draft, { hoofdstukken: type.hoofdstukken.filter((id) => chosen.includes(id)) });
  },
  summary: ({ kb }, { answers }) => [['Hoofdstukken', chapterNumbers(kb, chaptersInForce(kb, answers))]],
  affectedBy: (_context, before, after) => before.answers.organisatie.type !== after.answers.organisatie.type,
};
