import { getOrganisationType } from '../../knowledge/model.js';
import { chapterNumbers } from '../labels.js';
import { withAnswers, type Section } from './section.js';

export const organisation: Section = {
  id: 'organisatie',
  title: 'Organisatie',
  help: 'Het type bepaalt welke hoofdstukken van de monitor gelden en hoe organen heten (raad, Staten, algemeen bestuur).',
  async ask({ prompter, kb, rules }, draft) {
    const type = await prompter.select({
      message: 'Wat voor organisatie is het?',
      choices: kb.organisationTypes.map((t) => ({
        value: t.id,
        name: t.label,
        description: `hoofdstuk ${chapterNumbers(kb, t.hoofdstukken)} van de monitor`,
      })),
      default: draft.answers.organisatie.type,
    });
    const name = await prompter.input({
      message: `Naam van de organisatie (zoals in de documenten, bijv. "${getOrganisationType(kb, type).voorbeeldnaam}"):`,
      ...(draft.answers.organisatie.naam ? { default: draft.answers.organisatie.naam } : {}),
      validate: rules.organisationName,
    });
    return withAnswers(draft, { organisatie: { type, naam: name.trim() } });
  },
  summary: ({ kb }, { answers }) => [
    [
      'Organisatie',
      `${answers.organisatie.naam} (${getOrganisationType(kb, answers.organisatie.type).label.toLowerCase()})`,
    ],
  ],
};
