import type { Problem } from '../validation/problem.js';
import { describeUnknown } from '../validation/suggest.js';
import { findsOutStand, measureAppliesTo, measureAudiences, type KnowledgeBase } from './model.js';
import { seedWords } from './role-markup.js';
import { electionKinds } from './ids.js';
import type { Audience, LegalFramework, Measure, NormStand, OrganisationType } from './schema.js';

type LegalRule = LegalFramework['regels'][number];

type SingleFile =
  | 'source'
  | 'chapters'
  | 'roles'
  | 'organisationTypes'
  | 'instruments'
  | 'corrections'
  | 'legalFramework'
  | 'measures'
  | 'elections'
  | 'basisnormen';

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
    theme.landelijke_bevindingen.forEach((finding, f) => {
      if (!fold(seedWords(theme[finding.veld])).includes(fold(finding.tekst))) {
        problem(file, `landelijke_bevindingen[${f}].tekst`, `deze tekst staat niet (meer) letterlijk in ${finding.veld}`);
      }
    });
    for (const id of duplicates(theme.landelijke_bevindingen.map((f) => f.id))) {
      problem(file, 'landelijke_bevindingen', `id "${id}" komt meer dan eens voor`);
    }
  }

  problems.push(...checkMeasures(kb, locate, checkInstruments));
  problems.push(...checkBasisnormen(kb, locate));

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

/**
 * The measure catalogue: every theme, role, instrument and measure it names exists; every owner is a
 * role that each type the measure applies to has and that works for the themes' audience; the order
 * (`na`) has no circle; a measure tied to elections applies only to types that have them; each theme
 * has at least two measures, one of which can start at any time.
 */
function checkMeasures(
  kb: KnowledgeBase,
  locate: Locate,
  checkInstruments: (file: string, ids: readonly string[], key: string) => void,
): Problem[] {
  const file = locate.file('measures');
  const problems: Problem[] = [];
  const problem = (where: string, key: string, message: string) => problems.push({ file: where, key, message });
  const themeIds = kb.themes.map((t) => t.id);
  const measureIds = kb.measures.map((m) => m.id);
  const roleIds = kb.roles.map((r) => r.id);
  const normIds = kb.basisnormen.normen.map((n) => n.id);
  const ruleIds = kb.legalFramework.regels.map((rule) => rule.id);

  for (const id of duplicates(measureIds)) problem(file, '', `maatregel-id "${id}" komt meer dan eens voor`);
  const oldIds = kb.measures.flatMap((m) => m.oude_ids);
  for (const id of duplicates(oldIds)) problem(file, '', `oude id "${id}" staat bij meer dan één maatregel; een oude id wijst naar één maatregel`);

  kb.measures.forEach((measure, index) => {
    const key = `[${index}]`;
    measure.themas.forEach((themeId, i) => {
      if (!themeIds.includes(themeId) && !locate.isInvalidTheme(themeId)) {
        problem(file, `${key}.themas[${i}]`, describeUnknown('onbekend thema', themeId, themeIds));
      }
    });
    for (const id of duplicates(measure.themas)) problem(file, `${key}.themas`, `thema "${id}" staat er twee keer in`);
    measure.basisnormen.forEach((normId, i) => {
      if (!normIds.includes(normId)) problem(file, `${key}.basisnormen[${i}]`, describeUnknown('onbekende basisnorm', normId, normIds));
    });
    for (const id of duplicates(measure.basisnormen)) problem(file, `${key}.basisnormen`, `basisnorm "${id}" staat er twee keer in`);
    measure.oude_ids.forEach((oldId, i) => {
      const themeId = oldId.slice(0, oldId.lastIndexOf('/'));
      if (!measure.themas.includes(themeId) && !locate.isInvalidTheme(themeId)) {
        problem(file, `${key}.oude_ids[${i}]`, `"${oldId}" was een maatregel van thema ${themeId}, dat deze maatregel niet dient`);
      }
    });
    measure.na.forEach((before, i) => {
      if (before === measure.id) problem(file, `${key}.na[${i}]`, 'een maatregel kan niet na zichzelf komen');
      else if (!measureIds.includes(before)) problem(file, `${key}.na[${i}]`, describeUnknown('onbekende maatregel', before, measureIds));
    });
    checkInstruments(file, measure.instrumenten, `${key}.instrumenten`);

    const types = kb.organisationTypes.filter((type) => measureAppliesTo(kb, measure, type));
    measure.wettelijke_plicht.forEach((duty, i) => {
      const where = `${key}.wettelijke_plicht[${i}]`;
      const rule = kb.legalFramework.regels.find((candidate) => candidate.id === duty.regel);
      if (!rule) return problem(file, `${where}.regel`, describeUnknown('onbekende regel van wetgeving.yaml', duty.regel, ruleIds));
      const invented = inventedArticles(duty.vindplaats, rule);
      if (invented) problem(file, `${where}.vindplaats`, invented);
      if (!types.some((type) => rule.typen.includes(type.id))) {
        problem(file, `${where}.regel`, `regel "${rule.id}" geldt voor ${rule.typen.join(', ')}, waar deze maatregel niet voor is (${types.map((t) => t.id).join(', ') || 'geen type'})`);
      }
    });
    if (types.length === 0 && measure.doelgroep !== undefined) {
      problem(file, `${key}.doelgroep`, `geen organisatietype heeft de doelgroep ${measure.doelgroep}`);
    }
    if (electionKinds.includes(measure.soort)) {
      const without = types.filter((type) => !kb.elections.typen.some((entry) => entry.type === type.id)).map((t) => t.id);
      if (without.length > 0) {
        problem(
          file,
          `${key}.soort`,
          `een maatregel ${measure.soort} geldt hier ook voor ${without.join(', ')}, maar verkiezingen.yaml kent daar geen verkiezingen; kies thema's die daar niet gelden of een andere soort`,
        );
      }
    }
    for (const type of types) {
      const variant = measure.per_type[type.id];
      const owner = variant?.eigenaar ?? measure.eigenaar;
      const ownerKey = variant?.eigenaar ? `${key}.per_type.${type.id}.eigenaar` : `${key}.eigenaar`;
      const message = ownerProblem(kb, measure, type, owner, roleIds);
      if (message) problem(file, ownerKey, message);
      if (variant?.instrumenten) checkInstruments(file, variant.instrumenten, `${key}.per_type.${type.id}.instrumenten`);
    }
    for (const typeId of Object.keys(measure.per_type)) {
      if (!types.some((type) => type.id === typeId)) {
        problem(file, `${key}.per_type.${typeId}`, `deze maatregel geldt niet voor ${typeId} (zijn thema's of doelgroep); kies uit: ${types.map((t) => t.id).join(', ')}`);
      }
    }
  });
  // Report an owner problem once per key, not once per type.
  const unique = problems.filter((p, i) => problems.findIndex((q) => q.key === p.key && q.message === p.message) === i);

  for (const cycle of orderCycles(kb.measures)) {
    const index = kb.measures.findIndex((m) => m.id === cycle[0]);
    unique.push({ file, key: `[${index}].na`, message: `de volgorde loopt rond: ${[...cycle, cycle[0]].join(' → ')}` });
  }

  for (const theme of kb.themes) {
    const own = kb.measures.filter((m) => m.themas.includes(theme.id));
    if (own.length < 2) {
      unique.push({ file: locate.themeFile(theme.id), key: 'id', message: `dit thema heeft ${own.length} maatregel(en) in maatregelen.yaml; geef het er minstens twee` });
    } else if (own.every((m) => electionKinds.includes(m.soort))) {
      unique.push({ file: locate.themeFile(theme.id), key: 'id', message: 'elke maatregel van dit thema hangt aan verkiezingen; geef het er een die in het eerste jaar kan beginnen' });
    }
  }

  kb.elections.typen.forEach((entry, index) => {
    if (kb.elections.typen.findIndex((other) => other.type === entry.type) !== index) {
      unique.push({ file: locate.file('elections'), key: `typen[${index}].type`, message: `type "${entry.type}" staat er twee keer in` });
    }
  });
  return unique;
}

/**
 * The basisnormen: every rule, theme and type they name exists; every provision cites only article
 * numbers its rule in wetgeving.yaml has (those come from the domain notes); and for every type each
 * norm has what the plan needs: for `deels` and `ontbreekt` a measure for the ambtelijke organisatie
 * (and one for the politieke ambtsdragers where the law requires the norm of them), where the law
 * requires it a measure that carries out that duty (`wettelijke_plicht`), for `onbekend` a measure that
 * comes first and finds out how the norm stands.
 */
function checkBasisnormen(kb: KnowledgeBase, locate: Locate): Problem[] {
  const file = locate.file('basisnormen');
  const problems: Problem[] = [];
  const problem = (key: string, message: string) => problems.push({ file, key, message });
  /** A gap in the measures, per message the types that have it: reported once, naming them all. */
  const gaps = new Map<string, { key: string; message: string; types: string[] }>();
  const gap = (key: string, type: string, message: string) => {
    const entry = gaps.get(`${key} ${message}`) ?? { key, message, types: [] };
    entry.types.push(type);
    gaps.set(`${key} ${message}`, entry);
  };
  const ruleIds = kb.legalFramework.regels.map((rule) => rule.id);
  const themeIds = kb.themes.map((theme) => theme.id);

  kb.basisnormen.normen.forEach((norm, index) => {
    const key = `normen[${index}]`;
    norm.themas.forEach((themeId, i) => {
      if (!themeIds.includes(themeId) && !locate.isInvalidTheme(themeId)) {
        problem(`${key}.themas[${i}]`, describeUnknown('onbekend thema', themeId, themeIds));
      }
    });
    for (const id of duplicates(norm.themas)) problem(`${key}.themas`, `thema "${id}" staat er twee keer in`);
    norm.grondslag.forEach((basis, i) => {
      const where = `${key}.grondslag[${i}]`;
      const rule = kb.legalFramework.regels.find((candidate) => candidate.id === basis.regel);
      if (!rule) return problem(`${where}.regel`, describeUnknown('onbekende regel van wetgeving.yaml', basis.regel, ruleIds));
      const invented = inventedArticles(basis.vindplaats, rule);
      if (invented) problem(`${where}.vindplaats`, invented);
      if (!kb.organisationTypes.some((type) => rule.typen.includes(type.id) && hasAudience(kb, type, basis.doelgroep))) {
        problem(`${where}.doelgroep`, `regel "${rule.id}" geldt voor ${rule.typen.join(', ')}, waar de doelgroep ${basis.doelgroep} niet bestaat`);
      }
    });

    for (const type of kb.organisationTypes) {
      const serving = (stand: NormStand, audience: Audience) =>
        kb.measures.filter(
          (measure) =>
            measure.basisnormen.includes(norm.id) &&
            (measure.bij_stand ?? ['deels', 'ontbreekt', 'onbekend']).includes(stand) &&
            measureAudiences(kb, measure, type).includes(audience),
        );
      const required: Audience[] = [
        'ambtelijke organisatie',
        ...(norm.grondslag.some(
          (basis) =>
            basis.doelgroep === 'bestuur en volksvertegenwoordiging' &&
            kb.legalFramework.regels.find((rule) => rule.id === basis.regel)?.typen.includes(type.id),
        )
          ? (['bestuur en volksvertegenwoordiging'] as const)
          : []),
      ];
      for (const audience of required) {
        for (const stand of ['deels', 'ontbreekt'] as const) {
          if (serving(stand, audience).length === 0) {
            gap(`${key}.id`, type.id, `heeft deze basisnorm bij stand ${stand} geen maatregel voor de doelgroep ${audience} (maatregelen.yaml, basisnormen)`);
          }
        }
      }
      // Where the law requires the norm, a measure for that doelgroep carries the duty out: it starts in the first year.
      for (const basis of norm.grondslag) {
        const rule = kb.legalFramework.regels.find((candidate) => candidate.id === basis.regel);
        if (!rule?.typen.includes(type.id) || !hasAudience(kb, type, basis.doelgroep)) continue;
        if (!serving('ontbreekt', basis.doelgroep).some((m) => m.wettelijke_plicht.some((duty) => duty.regel === rule.id))) {
          gap(
            `${key}.grondslag`,
            type.id,
            `voert geen maatregel voor de doelgroep ${basis.doelgroep} de wettelijke plicht van regel "${rule.id}" uit (maatregelen.yaml: wettelijke_plicht bij een maatregel van deze basisnorm)`,
          );
        }
      }
      if (!serving('onbekend', 'ambtelijke organisatie').some(findsOutStand)) {
        gap(
          `${key}.id`,
          type.id,
          'heeft deze basisnorm bij stand onbekend geen maatregel die eerst uitzoekt hoe het staat (maatregelen.yaml: bij_stand: [onbekend])',
        );
      }
    }
  });
  for (const { key, message, types } of gaps.values()) problem(key, `bij ${types.join(', ')} ${message}`);
  return problems;
}

/** Why a provision cites an article its rule in wetgeving.yaml (and so the domain notes) does not name, if it does. */
function inventedArticles(vindplaats: string, rule: LegalRule): string | undefined {
  const cited = new Set(articleNumbers(`${rule.tekst} ${rule.bron}`));
  const invented = articleNumbers(vindplaats).filter((number) => !cited.has(number));
  return invented.length > 0
    ? `${invented.join(', ')} staat niet in regel "${rule.id}" van wetgeving.yaml; noem alleen artikelen die de regel (en de domeinnotities) noemen`
    : undefined;
}

/** Article numbers in a legal citation ("12", "41b", "125quinquies"), without years. */
function articleNumbers(text: string): string[] {
  return [...text.matchAll(/\b(\d+[a-z]*)\b/g)].map((match) => match[1]!).filter((number) => !/^(19|20)\d\d$/.test(number));
}

function hasAudience(kb: KnowledgeBase, type: OrganisationType, audience: Audience): boolean {
  return kb.chapters.some((chapter) => type.hoofdstukken.includes(chapter.id) && chapter.doelgroep === audience);
}

/** Why a role cannot own this measure for this type, or undefined when it can. */
function ownerProblem(kb: KnowledgeBase, measure: Measure, type: OrganisationType, owner: string, roleIds: string[]): string | undefined {
  const role = kb.roles.find((r) => r.id === owner);
  if (!role) return describeUnknown('onbekende rol', owner, roleIds);
  if (type.rollen[owner] === null) {
    return `rol "${owner}" bestaat niet bij ${type.id}, waarvoor deze maatregel wel geldt; geef daar een andere eigenaar met per_type`;
  }
  const outside = measureAudiences(kb, measure, type).filter((audience) => !role.doelgroepen.includes(audience));
  if (outside.length > 0) {
    return `rol "${owner}" werkt niet voor de doelgroep ${outside.join(' en ')} (rollen.yaml, doelgroepen), waarvoor deze maatregel is; kies een rol die dat wel doet`;
  }
  return undefined;
}

/** Circles in the order of the measures (`na`), each as the ids along it. */
function orderCycles(measures: readonly Measure[]): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const visit = (id: string, path: string[]) => {
    if (path.includes(id)) {
      const cycle = path.slice(path.indexOf(id));
      if (!cycles.some((c) => c.length === cycle.length && c.every((x) => cycle.includes(x)))) cycles.push(cycle);
      return;
    }
    if (done.has(id)) return;
    for (const next of measures.find((m) => m.id === id)?.na ?? []) visit(next, [...path, id]);
    done.add(id);
  };
  for (const measure of measures) visit(measure.id, []);
  return cycles;
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
