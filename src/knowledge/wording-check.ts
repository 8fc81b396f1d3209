import type { Problem } from '../validation/problem.js';
import { describeUnknown } from '../validation/suggest.js';
import { measureAppliesTo, type KnowledgeBase } from './model.js';
import { hasRoleMarkup, parseRoleMarkup, resolveRef } from './role-markup.js';
import type { OrganisationType } from './schema.js';

/** Where a text stands, for the message: the file, its key and the raw file text (to find the exact line). */
interface TextPlace {
  file: string;
  key: string;
  text: string;
  /** The types the text is rendered for; an empty list means: no role references allowed here. */
  types: readonly OrganisationType[];
}

export interface WordingLocate {
  themeFile(themeId: string): string;
  rolesFile: string;
  instrumentsFile: string;
  measuresFile: string;
  basisnormenFile: string;
  /** The raw text of a knowledge file, by its label (e.g. "knowledge/themas/h2-gedragsregels.yaml"). */
  rawText(file: string): string | undefined;
}

/**
 * Every role reference in the texts must read right for every organisation type the text is
 * printed for: a known term, a form that type has. Problems carry the line of the reference itself.
 */
export function checkRoleMarkup(kb: KnowledgeBase, locate: WordingLocate): Problem[] {
  const problems: Problem[] = [];
  const knownTerms = new Set([...kb.roles.map((role) => role.id), ...kb.organisationTypes.flatMap((type) => Object.keys(type.vormen))]);

  for (const place of places(kb, locate)) {
    if (place.types.length === 0) {
      if (hasRoleMarkup(place.text)) {
        problems.push(at(place, '[[', 'hier is geen verwijzing naar een rol mogelijk; schrijf de tekst zoals hij getoond wordt'));
      }
      continue;
    }
    const { parts, errors } = parseRoleMarkup(place.text);
    for (const error of errors) problems.push(at(place, error.source, `${error.message} (bij "${error.source.trim()}")`));
    for (const part of parts) {
      if (part.kind !== 'ref') continue;
      if (!knownTerms.has(part.term)) {
        problems.push(at(place, part.source, `${describeUnknown('onbekende rol', part.term, [...knownTerms])} in ${part.source}`));
        continue;
      }
      const missing = place.types.filter((type) => resolveRef(type, part) === undefined).map((type) => type.id);
      if (missing.length > 0) {
        const what = part.agreement ? `de rol "${part.term}"` : `de vorm "${part.form ?? 'naam'}" van "${part.term}"`;
        problems.push(
          at(place, part.source, `${what} in ${part.source} bestaat niet bij ${missing.join(', ')} (organisatietypen.yaml), waarvoor deze tekst wel geldt`),
        );
      }
    }
  }
  return problems;

  function at(place: TextPlace, needle: string, message: string): Problem {
    return { file: place.file, key: place.key, message, ...lineOf(locate.rawText(place.file), needle) };
  }
}

function* places(kb: KnowledgeBase, locate: WordingLocate): Generator<TextPlace> {
  for (const theme of kb.themes) {
    const file = locate.themeFile(theme.id);
    const types = kb.organisationTypes.filter((type) => type.hoofdstukken.includes(theme.hoofdstuk));
    for (const key of ['titel', 'samenvatting'] as const) yield { file, key, text: theme[key], types: [] };
    for (const key of ['waarom', 'risico', 'oplossingsrichting'] as const) yield { file, key, text: theme[key], types };
  }
  for (const [m, measure] of kb.measures.entries()) {
    const file = locate.measuresFile;
    const types = kb.organisationTypes.filter((type) => measureAppliesTo(kb, measure, type));
    const general = types.filter((type) => measure.per_type[type.id]?.tekst === undefined);
    if (general.length > 0) yield { file, key: `[${m}].tekst`, text: measure.tekst, types: general };
    for (const type of types) {
      const own = measure.per_type[type.id]?.tekst;
      if (own !== undefined) yield { file, key: `[${m}].per_type.${type.id}.tekst`, text: own, types: [type] };
    }
  }
  for (const [i, instrument] of kb.instruments.entries()) {
    const types = kb.organisationTypes.filter((type) => instrument.typen?.includes(type.id) ?? true);
    for (const key of ['omschrijving', 'stand'] as const) {
      const text = instrument[key];
      if (text !== undefined) yield { file: locate.instrumentsFile, key: `[${i}].${key}`, text, types };
    }
  }
  // The basisnormen are shown the same for every type: their texts name no role.
  for (const [n, norm] of kb.basisnormen.normen.entries()) {
    for (const key of ['titel', 'samenvatting', 'eis'] as const) {
      yield { file: locate.basisnormenFile, key: `normen[${n}].${key}`, text: norm[key], types: [] };
    }
  }
  for (const [r, role] of kb.roles.entries()) {
    const types = kb.organisationTypes.filter((type) => type.rollen[role.id] !== null);
    yield { file: locate.rolesFile, key: `[${r}].omschrijving`, text: role.omschrijving, types };
  }
}

/** The line of a reference in the raw YAML (a folded text may have broken it over lines), if it can be found. */
function lineOf(raw: string | undefined, needle: string): { line?: number } {
  if (raw === undefined) return {};
  const words = needle.trim().split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const match = new RegExp(words.join('\\s+')).exec(raw);
  if (!match) return {};
  return { line: raw.slice(0, match.index).split('\n').length };
}
