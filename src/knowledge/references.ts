import type { Problem } from '../validation/problem.js';
import { describeUnknown } from '../validation/suggest.js';
import type { KnowledgeBase } from './model.js';
import { seedWords } from './role-markup.js';
import type { OrganisationType } from './schema.js';

type SingleFile = 'source' | 'chapters' | 'roles' | 'organisationTypes' | 'instruments' | 'corrections' | 'legalFramework';

interface Locate {
  themeFile(themeId: string): string;
  file(key: SingleFile): string;
  /** A theme whose own file is invalid and already reported. */
  isInvalidTheme(themeId: string): boolean;
}

/** Cross-file rules that no single file's schema can express. */
export function checkReferences(kb: KnowledgeBase, locate: Locate): Problem[] {
  const problems: Problem[] = [];
  const problem = (file: string, key: string, message: string) => problems.push({ file, key, message });

  const themeIds = new Set(kb.themes.map((t) => t.id));
  const instrumentIds = new Set(kb.instruments.map((i) => i.id));
  const roleIds = new Set(kb.roles.map((r) => r.id));
  const chapterIds = new Set(kb.chapters.map((c) => c.id));

  for (const [ids, key] of [
    [kb.instruments.map((i) => i.id), 'instruments'],
    [kb.roles.map((r) => r.id), 'roles'],
    [kb.chapters.map((c) => c.id), 'chapters'],
    [kb.organisationTypes.map((t) => t.id), 'organisationTypes'],
  ] as const) {
    for (const id of duplicates(ids)) problem(locate.file(key), '', `id "${id}" komt meer dan eens voor`);
  }
  for (const id of duplicates(kb.themes.map((t) => t.id))) {
    problem(locate.themeFile(id), 'id', `thema-id "${id}" komt meer dan eens voor`);
  }

  const listedIn = new Map<string, string>();
  kb.chapters.forEach((chapter, index) => {
    chapter.themas.forEach((themeId, position) => {
      const key = `[${index}].themas[${position}]`;
      const theme = kb.themes.find((t) => t.id === themeId);
      if (!theme && locate.isInvalidTheme(themeId)) return;
      if (!theme) problem(locate.file('chapters'), key, `onbekend thema "${themeId}": er is geen themas/${themeId}.yaml`);
      else if (theme.hoofdstuk !== chapter.id) {
        problem(locate.file('chapters'), key, `thema "${themeId}" hoort volgens zijn bestand bij ${theme.hoofdstuk}, niet bij ${chapter.id}`);
      }
      if (listedIn.has(themeId)) problem(locate.file('chapters'), key, `thema "${themeId}" staat al bij ${listedIn.get(themeId)}`);
      listedIn.set(themeId, chapter.id);
    });
  });

  const checkOwner = (file: string, owner: string, key: string, types: OrganisationType[]) => {
    if (!roleIds.has(owner)) return void problem(file, key, unknown('onbekende rol', owner, roleIds));
    const without = types.filter((type) => type.rollen[owner] === null).map((type) => type.id);
    if (without.length > 0) {
      problem(file, key, `rol "${owner}" bestaat niet bij ${without.join(', ')}, waarvoor deze maatregel wel geldt; geef daar een andere eigenaar met per_type`);
    }
  };
  const checkInstruments = (file: string, ids: readonly string[], key: string) => {
    ids.forEach((id, i) => {
      const instrument = kb.instruments.find((candidate) => candidate.id === id);
      if (!instrument) problem(file, `${key}[${i}]`, unknown('onbekend instrument', id, instrumentIds));
      else if (instrument.status !== 'actueel') {
        problem(file, `${key}[${i}]`, `"${id}" is een instrument uit 2012 (status ${instrument.status}): een maatregel beveelt alleen actuele instrumenten aan`);
      }
    });
  };

  for (const theme of kb.themes) {
    const file = locate.themeFile(theme.id);
    if (!chapterIds.has(theme.hoofdstuk)) problem(file, 'hoofdstuk', `hoofdstuk "${theme.hoofdstuk}" bestaat niet in hoofdstukken.yaml`);
    else if (!listedIn.has(theme.id)) problem(file, 'id', `thema staat niet in de lijst van ${theme.hoofdstuk} in hoofdstukken.yaml`);
    theme.instrumenten.forEach((id, i) => {
      if (!instrumentIds.has(id)) problem(file, `instrumenten[${i}]`, unknown('onbekend instrument', id, instrumentIds));
    });
    for (const id of duplicates(theme.maatregelen.map((m) => m.id))) problem(file, 'maatregelen', `maatregel-id "${id}" komt meer dan eens voor`);
    const typesWithChapter = kb.organisationTypes.filter((type) => type.hoofdstukken.includes(theme.hoofdstuk));
    theme.maatregelen.forEach((measure, m) => {
      const key = `maatregelen[${m}]`;
      checkOwner(file, measure.eigenaar, `${key}.eigenaar`, typesWithChapter.filter((type) => !measure.per_type[type.id]?.eigenaar));
      checkInstruments(file, measure.instrumenten, `${key}.instrumenten`);
      for (const [typeId, variant] of Object.entries(measure.per_type)) {
        const variantKey = `${key}.per_type.${typeId}`;
        const type = typesWithChapter.find((t) => t.id === typeId);
        if (!type) {
          problem(file, variantKey, `hoofdstuk ${theme.hoofdstuk} geldt niet voor ${typeId}; kies uit: ${typesWithChapter.map((t) => t.id).join(', ')}`);
          continue;
        }
        if (variant.eigenaar) checkOwner(file, variant.eigenaar, `${variantKey}.eigenaar`, [type]);
        if (variant.instrumenten) checkInstruments(file, variant.instrumenten, `${variantKey}.instrumenten`);
      }
    });

    theme.landelijke_bevindingen.forEach((finding, f) => {
      if (!fold(seedWords(theme[finding.veld])).includes(fold(finding.tekst))) {
        problem(file, `landelijke_bevindingen[${f}].tekst`, `deze tekst staat niet (meer) letterlijk in ${finding.veld}`);
      }
    });
    for (const id of duplicates(theme.landelijke_bevindingen.map((f) => f.id))) {
      problem(file, 'landelijke_bevindingen', `id "${id}" komt meer dan eens voor`);
    }
  }

  kb.instruments.forEach((instrument, index) => {
    instrument.vervangen_door.forEach((id, i) => {
      const successor = kb.instruments.find((candidate) => candidate.id === id);
      if (!successor) problem(locate.file('instruments'), `[${index}].vervangen_door[${i}]`, unknown('onbekend instrument', id, instrumentIds));
      else if (successor.status !== 'actueel') problem(locate.file('instruments'), `[${index}].vervangen_door[${i}]`, `"${id}" is zelf geen actueel instrument`);
    });
  });

  kb.organisationTypes.forEach((type, index) => {
    type.hoofdstukken.forEach((chapterId, i) => {
      if (!chapterIds.has(chapterId)) problem(locate.file('organisationTypes'), `[${index}].hoofdstukken[${i}]`, `hoofdstuk "${chapterId}" bestaat niet`);
    });
    for (const key of ['rollen', 'met_lidwoord'] as const) {
      for (const roleId of Object.keys(type[key])) {
        if (!roleIds.has(roleId)) problem(locate.file('organisationTypes'), `[${index}].${key}.${roleId}`, unknown('onbekende rol', roleId, roleIds));
      }
    }
  });

  kb.corrections.forEach((correction, index) => {
    const key = `[${index}]`;
    const theme = kb.themes.find((t) => t.id === correction.thema);
    if (!theme && locate.isInvalidTheme(correction.thema)) return;
    if (!theme) return void problem(locate.file('corrections'), `${key}.thema`, unknown('onbekend thema', correction.thema, themeIds));
    if (!fold(seedWords(theme[correction.veld])).includes(fold(correction.correctie))) {
      problem(locate.file('corrections'), `${key}.correctie`, `deze tekst staat niet (meer) in ${correction.veld} van ${correction.thema}`);
    }
  });

  return problems;
}

function duplicates(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
}

function unknown(what: string, id: string, known: ReadonlySet<string>): string {
  return describeUnknown(what, id, [...known]);
}

export function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
