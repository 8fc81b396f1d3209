import { z } from 'zod';

/**
 * Schemas of the knowledge base files in `knowledge/`. Keys are Dutch because policy officers
 * read and correct these files; the TypeScript names stay English.
 */

const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'gebruik kleine letters, cijfers en koppeltekens (bijv. "h2-gedragsregels")');
const text = z.string().trim().min(1, 'mag niet leeg zijn');

export const chapterIds = ['h2', 'h3', 'h4', 'h56'] as const;
export const chapterIdSchema = z.enum(chapterIds);
export type ChapterId = z.infer<typeof chapterIdSchema>;

export const organisationTypeIds = ['gemeente', 'provincie', 'waterschap', 'rijk'] as const;
export const organisationTypeIdSchema = z.enum(organisationTypeIds);
export type OrganisationTypeId = z.infer<typeof organisationTypeIdSchema>;

export const sourceSchema = z.strictObject({
  /** Version of the knowledge base itself, printed in every colophon. */
  versie: text,
  titel: text,
  publicatie: text,
  jaar: z.literal(2012),
  uitgever: text,
  uitgever_afkorting: z.literal('BIOS'),
  /** The seed's introduction, paragraphs separated by a blank line. */
  inleiding: text,
  /** What happened to BIOS and its links since 2012 (from the domain notes). */
  sindsdien: text,
});
export type Source = z.infer<typeof sourceSchema>;

export const chapterSchema = z.strictObject({
  id: chapterIdSchema,
  titel: text,
  /** Chapter number(s) in the 2012 monitor report, e.g. "2" or "5 en 6". */
  monitorhoofdstuk: text,
  soort: z.enum(['beleving', 'beleid']),
  doelgroep: z.enum(['ambtelijke organisatie', 'bestuur en volksvertegenwoordiging']),
  /** Theme ids in the order of the source. */
  themas: z.array(id).min(1),
});
export const chaptersSchema = z.array(chapterSchema).min(1);
export type Chapter = z.infer<typeof chapterSchema>;

export const roleSchema = z.strictObject({
  id,
  /** Generic name; an organisation type may give its own. */
  naam: text,
  omschrijving: text,
});
export const rolesSchema = z.array(roleSchema).min(1);
export type Role = z.infer<typeof roleSchema>;

export const organisationTypeSchema = z.strictObject({
  id: organisationTypeIdSchema,
  label: text,
  /** "de gemeente", "het waterschap": for running text. */
  lidwoord: z.enum(['de', 'het']),
  hoofdstukken: z.array(chapterIdSchema).min(1),
  /** Role id → this type's own name; null where the role does not exist for this type. */
  rollen: z.record(id, text.nullable()),
  /** Role id → the name with its article, for running text ("de gemeenteraad", "Provinciale Staten"). */
  met_lidwoord: z.record(id, text),
  koepel: text,
  /** Basis of the codes of conduct for this type. */
  gedragscodes: text,
});
export const organisationTypesSchema = z.array(organisationTypeSchema).min(1);
export type OrganisationType = z.infer<typeof organisationTypeSchema>;

export const instrumentSchema = z.strictObject({
  id,
  naam: text,
  /** One line in our own words. */
  omschrijving: text,
  /** The link as printed in the 2012 source; BIOS closed in 2016, so it may no longer work. */
  url_2012: z.url({ protocol: /^https?$/ }).optional(),
});
export const instrumentsSchema = z.array(instrumentSchema).min(1);
export type Instrument = z.infer<typeof instrumentSchema>;

export const measureSchema = z.strictObject({
  id: id,
  /** Short imperative line, close to the seed's Oplossingsrichting. */
  tekst: text,
  /** Role id of the default owner. */
  eigenaar: id,
  instrumenten: z.array(id).default([]),
});
export type Measure = z.infer<typeof measureSchema>;

export const themeSchema = z.strictObject({
  id,
  hoofdstuk: chapterIdSchema,
  titel: text,
  /** One line in our own words, shown as a hint in the wizard. */
  samenvatting: text,
  /** Word for word from the seed; paragraphs separated by a blank line. */
  waarom: text,
  risico: text,
  oplossingsrichting: text,
  instrumenten: z.array(id).default([]),
  maatregelen: z.array(measureSchema).min(2).max(5),
});
export type Theme = z.infer<typeof themeSchema>;

/** Every wording change against the seed, so a reader can check it. */
export const correctionSchema = z.strictObject({
  thema: id,
  veld: z.enum(['titel', 'waarom', 'risico', 'oplossingsrichting']),
  /** The text as the seed has it (white space folded). */
  bron: text,
  /** The text as the knowledge base has it. */
  correctie: z.string(),
  reden: text,
});
export const correctionsSchema = z.array(correctionSchema);
export type Correction = z.infer<typeof correctionSchema>;

/** The legal framework as of `peildatum`, kept apart from the 2012 text. */
export const legalFrameworkSchema = z.strictObject({
  peildatum: text,
  regels: z
    .array(
      z.strictObject({
        id,
        titel: text,
        typen: z.array(organisationTypeIdSchema).min(1),
        tekst: text,
      }),
    )
    .min(1),
});
export type LegalFramework = z.infer<typeof legalFrameworkSchema>;
