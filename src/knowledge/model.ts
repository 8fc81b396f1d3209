import type {
  Chapter,
  ChapterId,
  Correction,
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
}

export function getChapter(kb: KnowledgeBase, id: ChapterId): Chapter {
  return must(kb.chapters.find((chapter) => chapter.id === id), `chapter ${id}`);
}

export function getOrganisationType(kb: KnowledgeBase, id: OrganisationTypeId): OrganisationType {
  return must(kb.organisationTypes.find((type) => type.id === id), `organisation type ${id}`);
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

export function instrumentAppliesTo(instrument: Instrument, type: OrganisationType): boolean {
  return instrument.typen?.includes(type.id) ?? true;
}

export function themesOfChapter(kb: KnowledgeBase, chapterId: ChapterId): Theme[] {
  return kb.themes.filter((theme) => theme.hoofdstuk === chapterId);
}

/** Only for lookups that validation has already guaranteed. */
function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Knowledge base has no ${what}; it should have been validated`);
  return value;
}
