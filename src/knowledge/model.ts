import type {
  Audience,
  Basisnormen,
  Chapter,
  Classification,
  ChapterId,
  Correction,
  ElectionCalendar,
  Instrument,
  LegalFramework,
  Measure,
  OrganisationType,
  OrganisationTypeId,
  Role,
  Source,
  Theme,
  Typology,
} from './schema.js';

/** The validated knowledge base; every cross-reference in it resolves. */
export interface KnowledgeBase {
  source: Source;
  chapters: Chapter[];
  roles: Role[];
  organisationTypes: OrganisationType[];
  instruments: Instrument[];
  corrections: Correction[];
  legalFramework: LegalFramework;
  /** Typology of integrity violations and the values of a meldingen register. */
  typology: Typology;
  /** In the order of the source. */
  themes: Theme[];
  /** The measure catalogue, in its own order: per theme, the order of its steps. */
  measures: Measure[];
  /** Elections per organisation type (not every type has them). */
  elections: ElectionCalendar;
  /** The 13 basisnormen integriteit, their legal basis per doelgroep and the stands an answers file gives. */
  basisnormen: Basisnormen;
}

export function getChapter(kb: KnowledgeBase, id: ChapterId): Chapter {
  return must(kb.chapters.find((chapter) => chapter.id === id), `chapter ${id}`);
}

export function getOrganisationType(kb: KnowledgeBase, id: OrganisationTypeId): OrganisationType {
  return must(kb.organisationTypes.find((type) => type.id === id), `organisation type ${id}`);
}

/** The typology an organisation type reports its meldingen in (each type has exactly one). */
export function typologyOf(kb: KnowledgeBase, typeId: OrganisationTypeId): Classification {
  return must(
    kb.typology.typologieen.find((typology) => typology.typen.includes(typeId)),
    `typology for organisation type ${typeId}`,
  );
}

export function getInstrument(kb: KnowledgeBase, id: string): Instrument {
  return must(kb.instruments.find((instrument) => instrument.id === id), `instrument ${id}`);
}

/** The role's name for this organisation type, or undefined where the type has no such role. */
export function roleName(kb: KnowledgeBase, type: OrganisationType, roleId: string): string | undefined {
  if (roleId in type.rollen) return type.rollen[roleId] ?? undefined;
  return kb.roles.find((role) => role.id === roleId)?.naam;
}

/** A measure as it holds for one organisation type: its own text, owner and instruments where it has them. */
export function measureForType(kb: KnowledgeBase, measure: Measure, type: OrganisationType): { tekst: string; eigenaar: string; instrumenten: Instrument[] } {
  const variant = measure.per_type[type.id];
  return {
    tekst: variant?.tekst ?? measure.tekst,
    eigenaar: variant?.eigenaar ?? measure.eigenaar,
    instrumenten: (variant?.instrumenten ?? measure.instrumenten)
      .map((id) => getInstrument(kb, id))
      .filter((instrument) => instrumentAppliesTo(instrument, type)),
  };
}

/** A catalogue entry by its id or by an id from before the catalogue ("thema-id/mN"). */
export function findMeasure(kb: KnowledgeBase, id: string): Measure | undefined {
  return kb.measures.find((measure) => measure.id === id || measure.oude_ids.includes(id));
}

/** Every id a measure can be named by in an answers file: the catalogue's own and the old ones. */
export function measureNames(kb: KnowledgeBase): string[] {
  return kb.measures.flatMap((measure) => [measure.id, ...measure.oude_ids]);
}

/**
 * Whom a measure is for, for one organisation type: the doelgroepen of its themes' chapters that the
 * type has, or, for a measure without themes, its own `doelgroep` where the type has that doelgroep.
 */
export function measureAudiences(kb: KnowledgeBase, measure: Measure, type: OrganisationType): Audience[] {
  const ofType = new Set(type.hoofdstukken.map((id) => getChapter(kb, id).doelgroep));
  const audiences =
    measure.themas.length > 0
      ? measureThemesFor(kb, measure, type).map((theme) => getChapter(kb, theme.hoofdstuk).doelgroep)
      : measure.doelgroep && ofType.has(measure.doelgroep)
        ? [measure.doelgroep]
        : [];
  return [...new Set(audiences)];
}

/** A measure can stand in a plan of this type: it is for a doelgroep the type has. */
export function measureAppliesTo(kb: KnowledgeBase, measure: Measure, type: OrganisationType): boolean {
  return measureAudiences(kb, measure, type).length > 0;
}

/** A measure that only finds out how its norms stand (bij_stand: [onbekend]): the plan puts it first. */
export function findsOutStand(measure: Measure): boolean {
  return measure.bij_stand?.length === 1 && measure.bij_stand[0] === 'onbekend';
}

/** The measures that serve a basisnorm, in catalogue order. */
export function measuresOfNorm(kb: KnowledgeBase, normId: string): Measure[] {
  return kb.measures.filter((measure) => measure.basisnormen.includes(normId));
}

/** The themes of a measure that an organisation type has (its chapters). */
export function measureThemesFor(kb: KnowledgeBase, measure: Measure, type: OrganisationType): Theme[] {
  return kb.themes.filter((theme) => measure.themas.includes(theme.id) && type.hoofdstukken.includes(theme.hoofdstuk));
}

/** The election calendar of a type, if it has elections of its own. */
export function electionsOf(kb: KnowledgeBase, typeId: OrganisationTypeId): ElectionCalendar['typen'][number] | undefined {
  return kb.elections.typen.find((entry) => entry.type === typeId);
}

export function instrumentAppliesTo(instrument: Instrument, type: OrganisationType): boolean {
  return instrument.typen?.includes(type.id) ?? true;
}

export function themesOfChapter(kb: KnowledgeBase, chapterId: ChapterId): Theme[] {
  return kb.themes.filter((theme) => theme.hoofdstuk === chapterId);
}

/** The measures that serve a theme, in catalogue order: the theme's steps. */
export function measuresOfTheme(kb: KnowledgeBase, themeId: string): Measure[] {
  return kb.measures.filter((measure) => measure.themas.includes(themeId));
}

/** Only for lookups that validation has already guaranteed. */
function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Knowledge base has no ${what}; it should have been validated`);
  return value;
}
