import { renderForType } from '../plan/wording.js';
import { nearDuplicates } from '../text/similarity.js';
import type { Problem } from '../validation/problem.js';
import { measureAppliesTo, type KnowledgeBase } from './model.js';

/**
 * Two measures that could stand in one plan (they apply to the same organisation type) must not say
 * nearly the same: merge them into one entry that serves both themes. Checked per type, on the text
 * that type's plan shows. Kept apart from parseKnowledge: only `controleer` and the tests need it.
 */
export function nearDuplicateMeasures(kb: KnowledgeBase, file: string, rawText?: string): Problem[] {
  const corpus = kb.measures.map((measure) => measure.tekst);
  const problems: Problem[] = [];
  for (const type of kb.organisationTypes) {
    const measures = kb.measures.filter((measure) => measureAppliesTo(kb, measure, type));
    const text = (measure: (typeof measures)[number]) => renderForType(measure.per_type[type.id]?.tekst ?? measure.tekst, type);
    for (const { a, b, similarity } of nearDuplicates(measures, text, corpus)) {
      const key = `[${kb.measures.indexOf(b)}]`;
      const message = `maatregel "${b.id}" lijkt bijna woordelijk op "${a.id}" (overeenkomst ${similarity.toFixed(2)}, bij ${type.id}); voeg ze samen tot één maatregel die de thema's en basisnormen van beide dient, of maak het verschil duidelijk`;
      if (problems.some((p) => p.key === key && p.message.startsWith(message.slice(0, message.indexOf('('))))) continue;
      const line = rawText?.split('\n').findIndex((l) => l === `- id: ${b.id}`);
      problems.push({ file, key, message, ...(line !== undefined && line >= 0 ? { line: line + 1 } : {}) });
    }
  }
  return problems;
}
