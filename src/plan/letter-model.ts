import type { Answers } from '../answers/schema.js';
import { getChapter, getOrganisationType, type KnowledgeBase } from '../knowledge/model.js';
import type { ChapterId, OrganisationType } from '../knowledge/schema.js';
import type { Format } from '../vocabulary.js';
import type { PlanModel } from './model.js';
import { hasRepresentativeBody, letterTreatment, type OfferedDocument } from './rules.js';

/*
 * The template data of the cover letter: the type's own terms (knowledge/organisatietypen.yaml),
 * what it offers, and how (for information or for discussion, and where it is published).
 */

export type LetterData = OrganisationType['brief'] & {
  beleidsplan: boolean;
  rapportage: boolean;
  formaat: Format;
  /** The letter offers the documents for discussion rather than for information. */
  terBespreking: boolean;
  /** The type has a representative body; the Rijk's nota goes to the secretaris-generaal and has no commissie. */
  volksvertegenwoordiging: boolean;
  /** The commissie that discusses the documents, as the answers name it; absent: to fill in. */
  commissie?: string;
  /** Where the documents are published, as it reads after "gepubliceerd"; absent: to fill in. */
  publicatie?: string;
  /** The weak themes about the ambtelijke organisatie and about bestuur and volksvertegenwoordiging, when the documents cover both. */
  zwakApart?: { ambtelijk: number; bestuurlijk: number };
};

export interface LetterOptions {
  offered: readonly OfferedDocument[];
  attachmentFormat: Format;
}

/** Pure: the plan model and the answers → what the cover letter template reads as `brief`. */
export function buildLetterData(
  model: PlanModel,
  answers: Answers,
  kb: KnowledgeBase,
  options: LetterOptions,
): LetterData {
  const type = model.organisatie.type as OrganisationType['id'];
  const letter = answers.aanbieding;
  const governance = model.zwakkeThemas.filter(
    (theme) => getChapter(kb, theme.hoofdstuk.id as ChapterId).doelgroep === 'bestuur en volksvertegenwoordiging',
  ).length;
  return {
    ...getOrganisationType(kb, type).brief,
    beleidsplan: options.offered.includes('beleidsplan'),
    rapportage: options.offered.includes('rapportage'),
    formaat: options.attachmentFormat,
    terBespreking: letterTreatment(answers) === 'ter-bespreking',
    volksvertegenwoordiging: hasRepresentativeBody(kb, type),
    ...(letter?.commissie ? { commissie: letter.commissie } : {}),
    ...(letter?.publicatie ? { publicatie: letter.publicatie } : {}),
    ...(model.bestuurlijk
      ? { zwakApart: { ambtelijk: model.zwakkeThemas.length - governance, bestuurlijk: governance } }
      : {}),
  };
}
