import { norms } from './basisnormen.js';
import { documents } from './documenten.js';
import { chapters } from './hoofdstukken.js';
import { register } from './meldingen.js';
import { organisation } from './organisatie.js';
import { period } from './periode.js';
import { priorities } from './prioriteiten.js';
import type { Section } from './section.js';
import { themes } from './themas.js';
import { output } from './uitvoer.js';

export type { AskMode, FlowContext, RegisterCheck, Section, SummaryRow } from './section.js';
export { period };

/**
 * The wizard's groups of questions, in the order they are asked. Later groups may depend on earlier
 * ones (`affectedBy`), never the other way round. A new group is a file in this folder and an entry
 * here; the summary, the "wijzigen" menu and "vorige vraag" need nothing else.
 */
export const sections: readonly Section[] = [
  organisation,
  documents,
  period,
  register,
  chapters,
  themes,
  priorities,
  norms,
  output,
];
