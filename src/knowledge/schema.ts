import { z } from 'zod';
import { describeUnknown } from '../validation/suggest.js';
import {
  chapterIds,
  electionKinds,
  measureKindIds,
  measureStatusIds,
  normStandIds,
  organisationTypeIds,
} from './ids.js';

/**
 * Schemas of the knowledge base files in `knowledge/`. Keys are Dutch because policy officers
 * read and correct these files; the TypeScript names stay English.
 */

const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'gebruik kleine letters, cijfers en koppeltekens (bijv. "h2-gedragsregels")');
/** Ten times the longest text of the source; a paragraph beyond this would make the PDF slow (pdfmake is quadratic in it). */
const text = z.string().trim().min(1, 'mag niet leeg zijn').max(20000, 'te lang: hoogstens 20000 tekens');
const termKey = z.string().regex(/^[a-z][a-z_]*$/, 'gebruik kleine letters en liggende streepjes (bijv. "lid_met_lidwoord")');
const termForms = z.record(termKey, text).superRefine((forms, ctx) => {
  if (forms.getal !== undefined && !['enkelvoud', 'meervoud'].includes(forms.getal)) {
    ctx.addIssue({ code: 'custom', path: ['getal'], message: 'kies uit: enkelvoud, meervoud' });
  }
});

export * from './ids.js';
export const chapterIdSchema = z.enum(chapterIds);
export const organisationTypeIdSchema = z.enum(organisationTypeIds);

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
  /** The national monitor the Handelingsperspectief belongs to, for attributing its findings. */
  monitor: z.strictObject({
    /** How the plan attributes a national finding: "de landelijke Integriteitsmonitor 2012". */
    naam: text,
    /** Who made it and where it was published, as a source line. */
    bron: text,
  }),
});
export type Source = z.infer<typeof sourceSchema>;

/** Whom a chapter of the monitor is about; a role works for one or both. */
export const audienceIds = ['ambtelijke organisatie', 'bestuur en volksvertegenwoordiging'] as const;
export type Audience = (typeof audienceIds)[number];

export const chapterSchema = z.strictObject({
  id: chapterIdSchema,
  titel: text,
  /** Chapter number(s) in the 2012 monitor report, e.g. "2" or "5 en 6". */
  monitorhoofdstuk: text,
  soort: z.enum(['beleving', 'beleid']),
  doelgroep: z.enum(audienceIds),
  /** What the chapter is about, in our own words, after "Hoofdstuk N: titel" in the wizard. */
  omschrijving: text,
  /** Theme ids in the order of the source. */
  themas: z.array(id).min(1),
});
export const chaptersSchema = z.array(chapterSchema).min(1);
export type Chapter = z.infer<typeof chapterSchema>;

export const roleSchema = z.strictObject({
  id,
  /** Generic name; an organisation type may give its own. */
  naam: text,
  /** Whom the role works for: it owns only measures for themes of these audiences. */
  doelgroepen: z.array(z.enum(audienceIds)).min(1),
  omschrijving: text,
});
export const rolesSchema = z.array(roleSchema).min(1);
export type Role = z.infer<typeof roleSchema>;

export const organisationTypeSchema = z.strictObject({
  id: organisationTypeIdSchema,
  label: text,
  /** The type with its article as it stands in running text: "de gemeente", "het Rijk". */
  in_zin: text,
  /** An example name of such an organisation, shown by the wizard's name question. */
  voorbeeldnaam: text,
  hoofdstukken: z.array(chapterIdSchema).min(1),
  /** Role id → this type's own name; null where the role does not exist for this type. */
  rollen: z.record(id, text.nullable()),
  /** Role id → the name with its article, for running text ("de gemeenteraad", "Provinciale Staten"). */
  met_lidwoord: z.record(id, text),
  /**
   * Further forms of a term that role references in the texts ask for (`[[…|term.vorm]]`), e.g.
   * `leden: raadsleden`, `andere: andere gemeenten`; `getal: meervoud` where the term takes a plural
   * verb (Provinciale Staten). Terms are role ids or `organisatie`, `koepel`, `gedragscodes`.
   */
  vormen: z.record(termKey, termForms).default({}),
  koepel: text,
  /** Basis of the codes of conduct for this type. */
  gedragscodes: text,
  /** The cover letter (`--document brief`) in this type's own terms. */
  brief: z.strictObject({
    /** The kind of letter, used as its title: "Raadsinformatiebrief", "Statenbrief", "Informatienota", "Nota". */
    soort: text,
    /** Addressee for the "Aan" line: "de gemeenteraad", "de secretaris-generaal". */
    aan: text,
    /** Through whom the letter goes, or null: "de griffier". */
    via: text.nullable(),
    /** Sender for the "Van" line and the signature, or null when the author signs (a note). */
    van: text.nullable(),
    /** Salutation, or null for a note without one. */
    aanhef: text.nullable(),
    /** Closing line above the signature, or null. */
    slot: text.nullable(),
    /** The body that signs ("Het college van burgemeester en wethouders"), or null when the author signs. */
    namens: text.nullable(),
    /** Who signs on the body's behalf ("de secretaris", "de burgemeester"); empty when the author signs. */
    ondertekening: z.array(text),
  }),
});
export const organisationTypesSchema = z.array(organisationTypeSchema).min(1);
export type OrganisationType = z.infer<typeof organisationTypeSchema>;

export const instrumentStatusIds = ['actueel', 'bron-2012'] as const;

export const instrumentSchema = z
  .strictObject({
    id,
    naam: text,
    /** Who publishes it, where known: "Huis voor Klokkenluiders", "BIOS". */
    uitgever: text.optional(),
    /** One line in our own words: the instrument is described once, in the plan's appendix. */
    omschrijving: text,
    /**
     * `actueel`: exists now and may be recommended (with `bron`). `bron-2012`: named by the 2012
     * text; the plan shows it only as the source of the advice, never as a recommendation.
     */
    status: z.enum(instrumentStatusIds),
    /** For a current instrument: where the facts about it come from (domain notes). */
    bron: text.optional(),
    /** For a 2012 instrument: what is known of it now (domain notes), e.g. that no successor was found. */
    stand: text.optional(),
    /** For a 2012 instrument: the current instruments that took its place, where that is known. */
    vervangen_door: z.array(id).default([]),
    /** Only for these organisation types (e.g. the VNG model only for gemeenten); default: all. */
    typen: z.array(organisationTypeIdSchema).min(1).optional(),
    /** The link as printed in the 2012 source; BIOS closed in 2016, so it may no longer work. */
    url_2012: z.url({ protocol: /^https?$/ }).optional(),
  })
  .superRefine((instrument, ctx) => {
    if (instrument.status === 'actueel' && instrument.bron === undefined) {
      ctx.addIssue({ code: 'custom', path: ['bron'], message: 'een actueel instrument heeft een bron' });
    }
    if (instrument.status === 'actueel' && instrument.vervangen_door.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['vervangen_door'], message: 'alleen een instrument uit 2012 kan vervangen zijn' });
    }
  });
export const instrumentsSchema = z.array(instrumentSchema).min(1);
export type Instrument = z.infer<typeof instrumentSchema>;

/** What differs for one organisation type; the rest of the measure holds. */
const measureVariantSchema = z.strictObject({
  tekst: text.optional(),
  eigenaar: id.optional(),
  instrumenten: z.array(id).optional(),
});


/** An id from before the catalogue: "thema-id/mN", still valid in answers files. */
const oldMeasureId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*\/m\d+$/, 'schrijf een oude id als thema-id/mN, bijvoorbeeld "h4-handhaving/m1"');


/**
 * The 13 basisnormen integriteit (Modelaanpak basisnormen integriteit openbaar bestuur en politie, 2006),
 * in the order of the domain notes. Their ids are a public contract (`basisnormen` in the answers file).
 */
export const basisnormIds = [
  'aandacht-voor-integriteit',
  'gedragscodes',
  'screening',
  'kwetsbare-functies',
  'eed-of-belofte',
  'nevenwerkzaamheden',
  'financiele-belangen',
  'informatiebescherming',
  'geschenken',
  'inkoop-en-aanbesteding',
  'vertrouwenspersonen',
  'melden-misstand',
  'onderzoek-schendingen',
] as const;

/** Where the law requires a basisnorm, for one doelgroep: the rule of wetgeving.yaml and the exact provision. */
export const legalBasisSchema = z.strictObject({
  doelgroep: z.enum(audienceIds),
  /** The rule in wetgeving.yaml that explains it: it gives the source and the types it holds for. */
  regel: id,
  /** The provision as the plan cites it, e.g. "Ambtenarenwet 2017, artikel 5, eerste lid, onder a". */
  vindplaats: text,
});
export type LegalBasis = z.infer<typeof legalBasisSchema>;

/**
 * A legal duty a measure carries out: the rule of wetgeving.yaml (its source, and the types it holds for)
 * and the provision as the plan cites it. The measure's own doelgroep says for whom.
 */
export const legalDutySchema = legalBasisSchema.omit({ doelgroep: true });
export type LegalDuty = z.infer<typeof legalDutySchema>;

/**
 * One entry of the measure catalogue (maatregelen.yaml). A measure serves themes, basisnormen or both
 * and is shown once in a plan, with the weak themes and the norms not in place that it serves.
 */
export const measureSchema = z
  .strictObject({
    id,
    /** Short imperative line, derived from the seed's Oplossingsrichting; may hold role references. */
    tekst: text,
    /** Role id of the owner. */
    eigenaar: id,
    /** Current instruments that help with this measure (status `actueel`). */
    instrumenten: z.array(id).default([]),
    /** The themes this measure serves. */
    themas: z.array(id).default([]),
    /** The basisnormen this measure serves: it is in the plan when one of them is not in place. */
    basisnormen: z.array(id).default([]),
    /** For which stands of its basisnormen it is in the plan; default deels, ontbreekt and onbekend. */
    bij_stand: z.array(z.enum(normStandIds)).min(1, 'noem minstens één stand').optional(),
    /**
     * For a measure that serves no theme: whom it is for (a chapter's doelgroep). With themes, their
     * chapters say so.
     */
    doelgroep: z.enum(audienceIds).optional(),
    soort: z.enum(measureKindIds).default('eenmalig'),
    /** For `jaarlijks`: the quarter of the year (1–4), e.g. 1 with the integriteitsrapportage. */
    kwartaal: z.number().int().min(1, 'een kwartaal van 1 tot en met 4').max(4, 'een kwartaal van 1 tot en met 4').optional(),
    /** Comes before every other measure of the plan. */
    eerst: z.boolean().default(false),
    /** Ids of measures this one comes after, when they are in the plan. */
    na: z.array(id).default([]),
    /** The legal duties this measure carries out: the plan starts it in the first year. */
    wettelijke_plicht: z.array(legalDutySchema).default([]),
    /** Per organisation type, what differs: another text, owner or instruments. */
    per_type: z.partialRecord(organisationTypeIdSchema, measureVariantSchema).default({}),
    /** The ids from before the catalogue that now mean this measure. */
    oude_ids: z.array(oldMeasureId).default([]),
  })
  .superRefine((measure, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!servesSomething(measure)) issue('themas', 'een maatregel dient minstens één thema of basisnorm');
    if (measure.themas.length === 0 && measure.doelgroep === undefined) {
      issue('doelgroep', `een maatregel zonder thema's noemt zijn doelgroep: ${audienceIds.join(' of ')}`);
    }
    if (measure.themas.length > 0 && measure.doelgroep !== undefined) {
      issue('doelgroep', "de doelgroep volgt uit de hoofdstukken van de thema's; laat doelgroep weg");
    }
    if (measure.bij_stand !== undefined && measure.basisnormen.length === 0) {
      issue('bij_stand', 'alleen een maatregel die basisnormen dient, heeft bij_stand');
    }
    if (measure.soort === 'jaarlijks' && measure.kwartaal === undefined) {
      issue('kwartaal', 'een jaarlijkse maatregel noemt het kwartaal (1 tot en met 4) waarin hij elk jaar valt');
    }
    if (measure.soort !== 'jaarlijks' && measure.kwartaal !== undefined) {
      issue('kwartaal', 'alleen een jaarlijkse maatregel heeft een vast kwartaal; het plan verdeelt de andere');
    }
    const tied = electionKinds.includes(measure.soort);
    if (tied && measure.eerst) issue('eerst', `een maatregel ${measure.soort} hangt aan de verkiezingsdatum en kan niet eerst komen`);
    if (tied && measure.na.length > 0) issue('na', `een maatregel ${measure.soort} hangt aan de verkiezingsdatum en kan niet na andere komen`);
    if (tied && measure.wettelijke_plicht.length > 0) {
      issue('wettelijke_plicht', `een maatregel ${measure.soort} hangt aan de verkiezingsdatum en kan niet als wettelijke plicht in het eerste jaar beginnen`);
    }
    if (measure.eerst && measure.na.length > 0) issue('na', 'een maatregel die eerst komt, komt niet na andere');
  });
export type Measure = z.infer<typeof measureSchema>;
export const measuresSchema = z.array(measureSchema).min(1);

/** Whether a measure serves at least one theme or basisnorm. */
export function servesSomething(measure: { themas: readonly string[]; basisnormen: readonly string[] }): boolean {
  return measure.themas.length > 0 || measure.basisnormen.length > 0;
}

/** The election calendar (verkiezingen.yaml): per organisation type its elections, from the domain notes. */
export const electionCalendarSchema = z.strictObject({
  /** Where the dates come from. */
  bron: text,
  typen: z.array(
    z.strictObject({
      type: organisationTypeIdSchema,
      /** How the plan names this type's elections: "de verkiezingen van de gemeenteraad". */
      verkiezing: text,
      /** How the plan names the installation of the new bestuur: "de installatie van het nieuwe college". */
      installatie: text,
      data: z
        .array(
          z.strictObject({
            datum: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'schrijf de datum als JJJJ-MM-DD'),
            /** false: computed, not confirmed; the plan shows only month and year. */
            bevestigd: z.boolean(),
          }),
        )
        .min(1),
    }),
  ),
});
export type ElectionCalendar = z.infer<typeof electionCalendarSchema>;

export const nationalFindingSchema = z.strictObject({
  id,
  veld: z.enum(['waarom', 'risico', 'oplossingsrichting']),
  /** Word for word as the field has it (with the sentences that only explain the finding). */
  tekst: text,
  /** Whether the finding adds something to the plan, attributed to the national monitor. */
  tonen: z.boolean(),
});
export type NationalFinding = z.infer<typeof nationalFindingSchema>;

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
  /** The instruments the 2012 text names (its sources); current ones are the measures'. */
  instrumenten: z.array(id).default([]),
  /**
   * Sentences of the seed that report the national 2012 results ("Uit het onderzoek blijkt …").
   * They describe the national picture, not the organisation: the plan keeps them out of the
   * theme's argument and, with `tonen: true`, shows them apart and attributed.
   */
  landelijke_bevindingen: z.array(nationalFindingSchema).default([]),
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
        /** Where the rule comes from: the article, and the domain notes' source where they give one. */
        bron: text,
      }),
    )
    .min(1),
});
export type LegalFramework = z.infer<typeof legalFrameworkSchema>;

/*
 * The typologies of integrity violations and the values of a meldingen register. The ids are a
 * public contract (the columns of `genereer --meldingen`) and the code counts by them, so the schema
 * fixes them; labels and descriptions are free.
 */
export const typologyIds = ['decentraal', 'rijk'] as const;
export type TypologyId = (typeof typologyIds)[number];
/** Per typology, the ids of the register's `categorie` column. Add ids; never rename or remove one. */
export const violationCategoryIds = {
  decentraal: [
    'corruptie',
    'fraude-diefstal-verduistering',
    'wanprestatie-verspilling',
    'misbruik-bevoegdheden',
    'ongewenste-omgangsvormen',
    'onverenigbare-functies',
    'misbruik-informatie',
    'wangedrag-vrije-tijd',
    'giften',
    'overig',
  ],
  rijk: [
    'financiele-schendingen',
    'oneigenlijk-gebruik-dienstmiddelen',
    'misbruik-geweldsbevoegdheden',
    'misbruik-bevoegdheden',
    'lekken-misbruik-informatie',
    'belangenverstrengeling',
    'misdragingen-privesfeer',
    'ongewenste-omgangsvormen',
    'overig',
  ],
} as const satisfies Record<TypologyId, readonly string[]>;
/** The register's `soort` column: a melding of an integrity violation, or of a misstand (Wbk). */
export const reportKindIds = ['integriteitsschending', 'misstand'] as const;
export type ReportKindId = (typeof reportKindIds)[number];
export const subjectIds = ['ambtenaar', 'politiek-ambtsdrager'] as const;
export type SubjectId = (typeof subjectIds)[number];
export const caseStatusIds = ['open', 'afgerond'] as const;
export type CaseStatusId = (typeof caseStatusIds)[number];
export const verdictIds = ['gegrond', 'ongegrond', 'onbekend'] as const;
export type VerdictId = (typeof verdictIds)[number];
export const sanctionIds = ['geen', 'waarschuwing', 'berisping', 'voorwaardelijk-ontslag', 'ontslag', 'aangifte', 'overig'] as const;
export type SanctionId = (typeof sanctionIds)[number];

/** Checks that a list has exactly the given ids, each once, in any order; issues under `path`. */
function checkExactIds(
  ids: readonly string[],
  list: readonly { id: string }[],
  ctx: z.RefinementCtx,
  path: readonly (string | number)[] = [],
): void {
  const seen = new Set<string>();
  list.forEach((item, index) => {
    if (!ids.includes(item.id)) {
      const message = `${describeUnknown('onbekende id', item.id, ids)} (de id's zijn een vast contract)`;
      ctx.addIssue({ code: 'custom', path: [...path, index, 'id'], message });
    } else if (seen.has(item.id)) {
      ctx.addIssue({ code: 'custom', path: [...path, index, 'id'], message: `id "${item.id}" komt meer dan eens voor` });
    }
    seen.add(item.id);
  });
  const missing = ids.filter((id) => !seen.has(id));
  if (missing.length > 0) {
    ctx.addIssue({ code: 'custom', path: [...path], message: `deze id's ontbreken: ${missing.join(', ')} (ze zijn een vast contract)` });
  }
}

/** Refines a list so that it has exactly the given ids, each once, in any order. */
function exactIds(ids: readonly string[]) {
  return (list: readonly { id: string }[], ctx: z.RefinementCtx) => checkExactIds(ids, list, ctx);
}

const labelledEntry = z.strictObject({ id: z.string(), label: text });

const violationCategorySchema = labelledEntry.extend({
  omschrijving: text,
  /** Labels this category had before: a register that still uses one stays valid. */
  eerdere_labels: z.array(text).default([]),
});
export type ViolationCategory = z.infer<typeof violationCategorySchema>;

/** Folds case, accents and spacing: how a register cell is matched to an id or label. */
export function foldName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const classificationSchema = z.strictObject({
  id: z.enum(typologyIds),
  /** The typology in running text: "de typologie van … van de Vrije Universiteit en BIOS". */
  naam: text,
  bron: text,
  /** The organisation types that report in this typology. */
  typen: z.array(organisationTypeIdSchema).min(1),
  categorieen: z.array(violationCategorySchema),
});
export type Classification = z.infer<typeof classificationSchema>;

/** Every typology has its contract ids; every organisation type uses exactly one; no name means two categories. */
function checkClassifications(list: readonly Classification[], ctx: z.RefinementCtx): void {
  checkExactIds(typologyIds, list, ctx);
  list.forEach((typology, index) => {
    if (typologyIds.includes(typology.id)) {
      checkExactIds(violationCategoryIds[typology.id], typology.categorieen, ctx, [index, 'categorieen']);
    }
    const names = new Map<string, string>();
    typology.categorieen.forEach((category, c) => {
      [category.id, category.label, ...category.eerdere_labels].forEach((name, n) => {
        const known = names.get(foldName(name));
        if (known !== undefined && known !== category.id) {
          const path = n === 0 ? 'id' : n === 1 ? 'label' : 'eerdere_labels';
          ctx.addIssue({
            code: 'custom',
            path: [index, 'categorieen', c, path],
            message: `"${name}" noemt ook de categorie "${known}"; een naam hoort bij één categorie`,
          });
        }
        names.set(foldName(name), category.id);
      });
    });
  });
  for (const type of organisationTypeIds) {
    const using = list.filter((typology) => typology.typen.includes(type)).map((typology) => typology.id);
    if (using.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message:
          using.length === 0
            ? `geen typologie voor organisatietype ${type}; zet het bij "typen" van één typologie`
            : `organisatietype ${type} staat bij meer dan één typologie (${using.join(', ')})`,
      });
    }
  }
}

export const typologySchema = z.strictObject({
  typologieen: z.array(classificationSchema).superRefine(checkClassifications),
  soort: z.array(labelledEntry).superRefine(exactIds(reportKindIds)),
  betreft: z.array(labelledEntry).superRefine(exactIds(subjectIds)),
  status: z.array(labelledEntry).superRefine(exactIds(caseStatusIds)),
  oordeel: z.array(labelledEntry).superRefine(exactIds(verdictIds)),
  maatregelen: z.array(labelledEntry).superRefine(exactIds(sanctionIds)),
  maatregel_status: z.array(labelledEntry).superRefine(exactIds(measureStatusIds)),
});
export type Typology = z.infer<typeof typologySchema>;

export const basisnormSchema = z.strictObject({
  id: z.string(),
  titel: text,
  /** One line in our own words: the wizard's checklist and `integriteitsplan basisnormen`. */
  samenvatting: text.max(90, 'hoogstens 90 tekens: dit is één regel in de wizard'),
  /** What the norm requires, in plain Dutch: our own text. */
  eis: text,
  /** Where the law requires it; empty where the norm rests on the Modelaanpak alone. */
  grondslag: z.array(legalBasisSchema).default([]),
  /** The Handelingsperspectief themes it relates to. */
  themas: z.array(id).min(1),
});
export type Basisnorm = z.infer<typeof basisnormSchema>;

/** basisnormen.yaml: where the norms come from, the stands an answers file may give, and the 13 norms. */
export const basisnormenSchema = z.strictObject({
  /** The source of the list, shown with the plan's chapter on the basisnormen. */
  bron: text,
  standen: z.array(labelledEntry.extend({ omschrijving: text })).superRefine(exactIds(normStandIds)),
  normen: z.array(basisnormSchema).superRefine(exactIds(basisnormIds)),
});
export type Basisnormen = z.infer<typeof basisnormenSchema>;
