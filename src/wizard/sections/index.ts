import { documents } from './documenten.js';
import { chapters } from './hoofdstukken.js';
import { organisation } from './organisatie.js';
import { period } from './periode.js';
import { priorities } from './prioriteiten.js';
import type { Section } from './section.js';
import { themes } from './themas.js';
import { output } from './uitvoer.js';

export type { AskMode, FlowContext, Section } from './section.js';

/**
 * The wizard's groups of questions, in the order they are asked. Later groups may depend on earlier
 * ones (`affectedBy`), never the other way round.
 */
export const sections: readonly Section[] = [organisation, documents, period, chapters, themes, priorities, output];
