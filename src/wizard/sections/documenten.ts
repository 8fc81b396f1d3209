import { listed } from '../labels.js';
import type { Section } from './section.js';

export const documents: Section = {
  id: 'documenten',
  title: 'Documenten',
  help: 'Kies met de spatiebalk; Enter gaat verder.',
  skipped: ({ fixed }, mode) => mode === 'first' && fixed.documents !== undefined,
  async ask({ prompter, catalogue, rules }, draft) {
    const chosen = await prompter.checkbox({
      message: 'Welke documenten wilt u maken?',
      choices: catalogue.map((d) => ({
        value: d.id,
        name: d.naam,
        description: d.omschrijving,
        checked: draft.documents.includes(d.id),
      })),
      validate: rules.atLeastOne('document'),
    });
    return { ...draft, documents: catalogue.map((d) => d.id).filter((id) => chosen.includes(id)) };
  },
  summary: ({ catalogue }, draft) => [
    ['Documenten', listed(draft.documents.map((id) => catalogue.find((d) => d.id === id)?.naam ?? id))],
  ],
};
