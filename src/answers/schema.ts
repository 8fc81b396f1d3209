import { z } from 'zod';
import {
  electionsOf,
  findMeasure,
  getOrganisationType,
  measureNames,
  roleName,
  type KnowledgeBase,
} from '../knowledge/model.js';
import {
  chapterIds,
  electionKinds,
  measureKindIds,
  measureStatusIds,
  normStandIds,
  organisationTypeIds,
  type OrganisationTypeId,
} from '../knowledge/ids.js';
import { chosenChapters, hasRepresentativeBody, ownMeasurePrefix } from '../plan/rules.js';
import { isoDate, parseDate } from '../validation/dates.js';
import { describeUnknown } from '../validation/suggest.js';
import { controlCharacterProblem } from '../validation/text.js';

/**
 * The answers file (YAML or JSON): a public contract shared by `genereer`, the wizard and next
 * year's run. The field schemas are exported so the wizard validates while typing with exactly
 * the same rules.
 */

/**
 * Free text has a length a real answer never needs, so a pasted file cannot make the documents
 * take minutes (pdfmake lays out a paragraph in time quadratic in its words). A name or a line
 * fits on one line; a toelichting may have paragraphs.
 */
export const textLimits = {
  naam: 120,
  functie: 120,
  telefoon: 30,
  email: 254,
  versie: 20,
  toelichting: 5000,
  onderbouwing: 5000,
} as const;

function freeText(max: number, { multiline, empty }: { multiline: boolean; empty: string }) {
  return z
    .string()
    .trim()
    .min(1, empty)
    .max(max, `te lang: hoogstens ${max} tekens`)
    .superRefine((text, ctx) => {
      const problem = controlCharacterProblem(text, { multiline });
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

export const organisationNameSchema = z
  .string({ error: 'vul de naam van de organisatie in' })
  .pipe(freeText(textLimits.naam, { multiline: false, empty: 'de naam van de organisatie mag niet leeg zijn' }));

export const yearSchema = z
  .number({ error: 'vul een jaartal in, bijvoorbeeld 2027' })
  .int('een jaartal is een heel getal')
  .min(2000, 'een jaartal vanaf 2000')
  .max(2100, 'een jaartal tot en met 2100');

const dateExamples = 'bijvoorbeeld 2027-01-15, 15-01-2027 of 15 januari 2027';

/** What is wrong with a written date, or undefined. */
function dateProblem(text: string): string | undefined {
  const parsed = parseDate(text, { monthNames: true });
  if (!parsed.ok)
    return parsed.reason === 'nonexistent' ? 'deze datum bestaat niet' : `schrijf een datum, ${dateExamples}`;
  // The same years as every other year in the answers (yearSchema); a zip (DOCX) holds no date before 1980.
  const { year } = parsed.date;
  return year < 2000 || year > 2100 ? 'een datum van 2000 tot en met 2100' : undefined;
}

/**
 * A date as people write it (validation/dates.ts: 2027-01-15, 15-01-2027, 15-1-2027, 15 januari
 * 2027, 15 jan 2027), kept as JJJJ-MM-DD. The wizard's date question parses with this schema too.
 */
export const isoDateSchema = z
  .string({ error: `vul een datum in, ${dateExamples}` })
  // One message per date, and no `abort`: that would also stop the checks across fields (see `when` below).
  .superRefine((text, ctx) => {
    const problem = dateProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((text) => {
    const parsed = parseDate(text, { monthNames: true });
    return parsed.ok ? isoDate(parsed.date) : text;
  });

export const priorityIds = ['hoog', 'midden', 'laag'] as const;
export const prioritySchema = z.enum(priorityIds);
export type Priority = z.infer<typeof prioritySchema>;

export const statusIds = ['concept', 'vastgesteld'] as const;

const optionalLine = (max: number) =>
  freeText(max, {
    multiline: false,
    empty: 'mag niet leeg zijn; laat de sleutel weg als u niets wilt invullen',
  }).optional();
const contactSchema = z.strictObject({
  naam: freeText(textLimits.naam, { multiline: false, empty: 'vul een naam in' }),
  functie: optionalLine(textLimits.functie),
  telefoon: optionalLine(textLimits.telefoon),
  email: z
    .email('geen geldig e-mailadres')
    .max(textLimits.email, `te lang: hoogstens ${textLimits.email} tekens`)
    .optional(),
});

export const periodSchema = z
  .strictObject({ van: yearSchema, tot: yearSchema })
  .refine((period) => period.van <= period.tot, {
    message: '"van" moet vóór of gelijk aan "tot" liggen',
    path: ['tot'],
  })
  .refine((period) => period.tot - period.van <= 9, {
    message: 'een planperiode duurt hoogstens tien jaar',
    path: ['tot'],
  });

/** A quarter as the plan shows it: "K3 2027". */
export const quarterSchema = z
  .string({ error: 'schrijf een kwartaal als K1 tot en met K4 met het jaar, bijvoorbeeld "K3 2027"' })
  .trim()
  .regex(/^[Kk][1-4] ?\d{4}$/, 'schrijf een kwartaal als K1 tot en met K4 met het jaar, bijvoorbeeld "K3 2027"')
  .transform((value) => ({ jaar: Number(value.slice(-4)), kwartaal: Number(value.charAt(1)) }));
export type QuarterInput = z.output<typeof quarterSchema>;

/** The officer's change to one measure of the catalogue. */
const measureChangeSchema = z
  .strictObject({
    /** Another quarter (for doorlopend and jaarlijks: the first). */
    kwartaal: quarterSchema.optional(),
    /** Another owner: a role id of the organisation type. */
    eigenaar: z.string().trim().min(1, 'vul een rol in').optional(),
    /** Leave the measure out of the plan. */
    weglaten: z.boolean().optional(),
  })
  .refine((change) => change.kwartaal !== undefined || change.eigenaar !== undefined || change.weglaten !== undefined, {
    message: 'geef kwartaal, eigenaar of weglaten: true',
  })
  .refine((change) => !(change.weglaten && (change.kwartaal !== undefined || change.eigenaar !== undefined)), {
    message: 'een maatregel die u weglaat, krijgt geen kwartaal of eigenaar',
  });

/** A measure of the organisation's own, next to those of the catalogue. */
const ownMeasureSchema = z
  .strictObject({
    id: z
      .string({
        error: `geef de maatregel een id die begint met "${ownMeasurePrefix}", bijvoorbeeld "${ownMeasurePrefix}sociale-media"`,
      })
      .regex(
        new RegExp(`^${ownMeasurePrefix}[a-z0-9]+(-[a-z0-9]+)*$`),
        `een eigen maatregel heeft een id die begint met "${ownMeasurePrefix}", in kleine letters, cijfers en koppeltekens, bijvoorbeeld "${ownMeasurePrefix}sociale-media"`,
      ),
    tekst: z.string({ error: 'vul de tekst van de maatregel in' }).trim().min(1, 'vul de tekst van de maatregel in'),
    eigenaar: z
      .string({ error: 'vul de eigenaar in: een rol van het organisatietype' })
      .trim()
      .min(1, 'vul een rol in'),
    /** The themes it serves; may be empty. */
    themas: z.array(z.string()).default([]),
    /** The basisnormen it serves; may be empty. */
    basisnormen: z.array(z.string()).default([]),
    soort: z.enum(measureKindIds).default('eenmalig'),
    /** The quarter (for doorlopend and jaarlijks: the first); not for a measure tied to elections. */
    kwartaal: quarterSchema.optional(),
  })
  .superRefine((own, ctx) => {
    const tied = electionKinds.includes(own.soort);
    if (!tied && own.kwartaal === undefined) {
      ctx.addIssue({ code: 'custom', path: ['kwartaal'], message: 'geef het kwartaal, bijvoorbeeld "K3 2027"' });
    }
    if (tied && own.kwartaal !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['kwartaal'],
        message: `een maatregel ${own.soort} krijgt zijn kwartaal van de verkiezingsdatum; laat kwartaal weg of kies een andere soort`,
      });
    }
  });

/** The officer's own say over the action plan. */
const actionPlanSchema = z
  .strictObject({
    /** At most this many new measures per quarter (plan/rules.ts has the default). */
    max_per_kwartaal: z
      .number({ error: 'vul een aantal in, bijvoorbeeld 3' })
      .int('een heel getal')
      .min(1, 'minstens 1')
      .max(50, 'hoogstens 50'),
    /** Per measure id (or an old "thema-id/mN"): another quarter or owner, or leave it out. */
    maatregelen: z.record(z.string(), measureChangeSchema),
    /** Measures of the organisation's own. */
    eigen: z.array(ownMeasureSchema),
  })
  .partial();
export type ActionPlanInput = z.output<typeof actionPlanSchema>;

/** The year a norm's regulation was last revised ("herzien: 2019"). */
const revisionYearSchema = z
  .number({ error: 'vul een jaartal in, bijvoorbeeld 2019' })
  .int('een jaartal is een heel getal')
  .min(1950, 'een jaartal vanaf 1950')
  .max(2100, 'een jaartal tot en met 2100');

/**
 * Where the organisation stands on one basisnorm: a stand alone ("deels") or with details. A stand
 * alone is read as { stand }, so the rest of the program sees one shape.
 */
const normAnswerSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { stand: value } : value),
  z.strictObject({
    stand: z.enum(normStandIds),
    /** The officer's own remark, shown with the norm in the plan and the rapportage. */
    toelichting: freeText(textLimits.toelichting, { multiline: true, empty: 'mag niet leeg zijn' }).optional(),
    /** The year its regulation (code, register, procedure) was last revised. */
    herzien: revisionYearSchema.optional(),
    /** The stand at the previous plan or rapportage: the rapportage says what changed. */
    vorige_stand: z.enum(normStandIds).optional(),
  }),
);
export type NormAnswer = z.output<typeof normAnswerSchema>;

/*
 * The integriteitsrapportage and its cover letter (the keys `rapportage` and `aanbieding`): how the
 * report shows the meldingen, where the register begins, the year's own figures that no register
 * holds, and how the letter offers the report. All optional; the defaults are in plan/rules.ts.
 */
const countSchema = z
  .number({ error: 'vul een aantal in: een heel getal, 0 of meer' })
  .int('een aantal is een heel getal')
  .min(0, 'een aantal is 0 of meer');
const activitySchema = z.strictObject({
  aantal: countSchema.optional(),
  deelnemers: countSchema.optional(),
  toelichting: optionalLine(500),
});
/** Figures of the verslagjaar that are in no meldingen register; only for the year in `jaar`. */
export const figuresSchema = z.strictObject({
  jaar: yearSchema,
  adviesvragen: countSchema.optional(),
  onderzoeken: z.strictObject({ intern: countSchema.optional(), extern: countSchema.optional() }).optional(),
  vertrouwenspersoon: z
    .strictObject({
      gesprekken: countSchema.optional(),
      meldingen: countSchema.optional(),
      voorlichtingen: countSchema.optional(),
    })
    .refine((v) => v.meldingen === undefined || v.gesprekken === undefined || v.meldingen <= v.gesprekken, {
      path: ['meldingen'],
      message: 'de gesprekken die uitmondden in een melding zijn er hoogstens zoveel als alle gesprekken',
    })
    .optional(),
  trainingen: activitySchema.optional(),
  ambtseden: activitySchema.optional(),
  introductie: activitySchema.optional(),
  dilemmasessies: activitySchema.optional(),
});
export type Figures = z.output<typeof figuresSchema>;

export const reportStyleIds = ['tabel', 'zin'] as const;
export const letterTreatmentIds = ['ter-informatie', 'ter-bespreking'] as const;

const reportAnswers = {
  rapportage: z
    .strictObject({
      /** "zin": the meldingen in sentences instead of tables (for a small organisation). */
      meldingen_als: z.enum(reportStyleIds).optional(),
      /** The year the register begins; default: the year of its earliest melding. */
      register_sinds: yearSchema.optional(),
      cijfers: figuresSchema.optional(),
    })
    .optional(),
  aanbieding: z
    .strictObject({
      behandeling: z.enum(letterTreatmentIds).optional(),
      /** The commissie of the representative body that discusses the report, without an article. */
      commissie: freeText(textLimits.naam, {
        multiline: false,
        empty: 'mag niet leeg zijn; laat de sleutel weg als u niets wilt invullen',
      })
        .refine(
          (name) => !/^(de|het)\s/i.test(name),
          'schrijf de naam zonder lidwoord, bijvoorbeeld "commissie Bestuur"',
        )
        .optional(),
      /** Where the documents are published, as it reads after "gepubliceerd": "op www.voorbeeld.nl". */
      publicatie: optionalLine(200),
    })
    .optional(),
};

/** The rules of the `rapportage` and `aanbieding` keys that need the knowledge base or other keys. */
function checkReportAnswers(
  kb: KnowledgeBase,
  answers: { organisatie: { type: OrganisationTypeId }; aanbieding?: { behandeling?: string; commissie?: string } },
  ctx: z.RefinementCtx,
): void {
  const letter = answers.aanbieding;
  if (letter?.commissie === undefined) return;
  if (!hasRepresentativeBody(kb, answers.organisatie.type)) {
    ctx.addIssue({
      code: 'custom',
      path: ['aanbieding', 'commissie'],
      message: `${getOrganisationType(kb, answers.organisatie.type).in_zin} heeft geen volksvertegenwoordiging met commissies; laat commissie weg`,
    });
  } else if (letter.behandeling !== 'ter-bespreking') {
    ctx.addIssue({
      code: 'custom',
      path: ['aanbieding', 'commissie'],
      message: 'een commissie hoort bij behandeling: ter-bespreking; zet die erbij of laat commissie weg',
    });
  }
}

const structure = z.strictObject({
  organisatie: z.strictObject({ naam: organisationNameSchema, type: z.enum(organisationTypeIds) }),
  /** Default: every chapter of the type (plan/rules.ts). */
  hoofdstukken: z.array(z.enum(chapterIds)).min(1, 'kies minstens één hoofdstuk').optional(),
  zwakke_themas: z.array(z.string()).default([]),
  /** Per weak theme; default "midden". */
  prioriteiten: z.record(z.string(), prioritySchema).default({}),
  /** The officer's own remarks per theme, printed in that theme's section. */
  toelichting: z
    .record(z.string(), freeText(textLimits.toelichting, { multiline: true, empty: 'mag niet leeg zijn' }))
    .default({}),
  /**
   * What the organisation based its judgement of the weak themes on (its own survey, the
   * IntegriteitsWijzer, a self-assessment): printed in the plan's chapter on the themes.
   */
  onderbouwing: freeText(textLimits.onderbouwing, {
    multiline: true,
    empty: 'mag niet leeg zijn; laat de sleutel weg als u niets wilt invullen',
  }).optional(),
  /** The plan's own version number, for the colophon, e.g. "1.0". */
  versie: optionalLine(textLimits.versie),
  planperiode: periodSchema,
  /** Printed in the documents and fixes every date inside the files; default: today. */
  datum: isoDateSchema.optional(),
  status: z.enum(statusIds).default('concept'),
  auteur: contactSchema.optional(),
  vertrouwenspersoon: contactSchema.optional(),
  /** Contact for questions about the documents (cover letter). Default: the author. */
  contactpersoon: contactSchema.optional(),
  /** Year the integriteitsrapportage reports on. */
  verslagjaar: yearSchema.optional(),
  /**
   * The meldingen register for the rapportage's counts, as `genereer --meldingen` and
   * `--sla-fouten-over` give it; `bestand` is relative to the folder of the answers file.
   */
  meldingen: z
    .strictObject({
      bestand: z
        .string()
        .trim()
        .min(1, 'vul het pad naar de CSV-export in (relatief aan de map van dit antwoordenbestand)'),
      sla_fouten_over: z.boolean().default(false),
    })
    .optional(),
  /** Status per measure (its id, an old "thema-id/mN" or an own measure's id), shown in the rapportage. */
  maatregel_status: z.record(z.string(), z.enum(measureStatusIds)).default({}),
  /** The officer's changes to the action plan: moved, other owner, left out, own measures. */
  actieplan: actionPlanSchema.optional(),
  ...reportAnswers,
  /**
   * The stand of the basisnormen, per norm id (basisnormen.yaml). Absent: the plan shows a table to fill
   * in; a norm not named gets a place to fill in.
   */
  basisnormen: z.record(z.string(), normAnswerSchema).optional(),
  /** The PDFs also as PDF/A-2a, for the archive (besides PDF/UA-1, which they always are). */
  pdfa: z.boolean().optional(),
});

export type AnswersInput = z.input<typeof structure>;

/**
 * The rules that need the knowledge base. Checks of one field (unknown theme or measure ids) sit
 * on that field, so they are reported even when another field is wrong too; checks across fields
 * (chapters per type, themes per chapter) run as soon as the fields they read are valid.
 */
export function answersSchema(kb: KnowledgeBase) {
  const themeIds = kb.themes.map((theme) => theme.id);
  const normIds = kb.basisnormen.normen.map((norm) => norm.id);
  const measureIds = measureNames(kb);
  /** A record keyed by known ids: every other key is refused by name (a "__proto__" key already by validation/yaml.ts). */
  const keyedBy = <V extends z.ZodType>(what: string, known: readonly string[], value: V) => {
    const set = new Set(known);
    return z.record(
      z.string().refine((key) => set.has(key), { error: (issue) => describeUnknown(what, String(issue.input), known) }),
      value,
    );
  };
  /** A catalogue id or old id is known here; an own measure's id is checked against `actieplan.eigen` below. */
  const measureKey = z.string().refine((id) => measureIds.includes(id) || id.startsWith(ownMeasurePrefix), {
    error: (issue) => describeUnknown('onbekende maatregel', String(issue.input), measureIds),
  });
  return (
    structure
      .extend({
        prioriteiten: keyedBy('onbekend thema', themeIds, prioritySchema).default({}),
        toelichting: keyedBy('onbekend thema', themeIds, structure.shape.toelichting.unwrap().valueType).default({}),
        zwakke_themas: structure.shape.zwakke_themas.superRefine((ids, ctx) => {
          ids.forEach((id, index) => {
            if (!themeIds.includes(id)) {
              ctx.addIssue({ code: 'custom', path: [index], message: describeUnknown('onbekend thema', id, themeIds) });
            } else if (ids.indexOf(id) !== index) {
              ctx.addIssue({ code: 'custom', path: [index], message: `thema ${id} staat er twee keer in` });
            }
          });
        }),
        maatregel_status: z.record(measureKey, z.enum(measureStatusIds)).default({}),
        basisnormen: keyedBy('onbekende basisnorm', normIds, normAnswerSchema).optional(),
        actieplan: actionPlanSchema
          .superRefine((plan, ctx) => {
            const named = new Map<string, string>();
            for (const id of Object.keys(plan.maatregelen ?? {})) {
              const measure = findMeasure(kb, id);
              if (!measure) {
                const message = id.startsWith(ownMeasurePrefix)
                  ? `"${id}" is een eigen maatregel: pas die aan onder actieplan.eigen`
                  : describeUnknown('onbekende maatregel', id, measureIds);
                ctx.addIssue({ code: 'custom', path: ['maatregelen', id], message });
              } else if (named.has(measure.id)) {
                ctx.addIssue({
                  code: 'custom',
                  path: ['maatregelen', id],
                  message: `"${id}" en "${named.get(measure.id)}" zijn dezelfde maatregel (${measure.id}); noem hem één keer`,
                });
              } else named.set(measure.id, id);
            }
            (plan.eigen ?? []).forEach((own, index) => {
              if (findMeasure(kb, own.id)) {
                ctx.addIssue({
                  code: 'custom',
                  path: ['eigen', index, 'id'],
                  message: `"${own.id}" is al een maatregel van de kennisbank`,
                });
              } else if ((plan.eigen ?? []).findIndex((other) => other.id === own.id) !== index) {
                ctx.addIssue({
                  code: 'custom',
                  path: ['eigen', index, 'id'],
                  message: `id "${own.id}" staat er twee keer in`,
                });
              }
              own.themas.forEach((id, i) => {
                if (!themeIds.includes(id)) {
                  ctx.addIssue({
                    code: 'custom',
                    path: ['eigen', index, 'themas', i],
                    message: describeUnknown('onbekend thema', id, themeIds),
                  });
                }
              });
              own.basisnormen.forEach((id, i) => {
                if (!normIds.includes(id)) {
                  ctx.addIssue({
                    code: 'custom',
                    path: ['eigen', index, 'basisnormen', i],
                    message: describeUnknown('onbekende basisnorm', id, normIds),
                  });
                }
              });
            });
          })
          .optional(),
      })
      // Checks across fields run as soon as the fields they read are valid, whatever else is wrong.
      .superRefine(chapterChecks, { when: (payload) => validFields(payload, chapterInputs) })
      .superRefine(actionPlanChecks, { when: (payload) => validFields(payload, actionPlanInputs) })
      .superRefine((answers, ctx) => checkReportAnswers(kb, answers, ctx), {
        when: (payload) => validFields(payload, reportInputs),
      })
  );

  function chapterChecks(answers: AnswersDraft, ctx: z.RefinementCtx) {
    const type = kb.organisationTypes.find((t) => t.id === answers.organisatie.type);
    if (!type) return;
    const chapters = chosenChapters(kb, answers);
    (answers.hoofdstukken ?? []).forEach((chapter, index) => {
      if (!type.hoofdstukken.includes(chapter)) {
        ctx.addIssue({
          code: 'custom',
          path: ['hoofdstukken', index],
          message: `hoofdstuk ${chapter} geldt niet voor type ${type.id}; kies uit: ${type.hoofdstukken.join(', ')}`,
        });
      }
    });
    answers.zwakke_themas.forEach((id, index) => {
      const theme = kb.themes.find((t) => t.id === id);
      if (theme && !chapters.includes(theme.hoofdstuk)) {
        ctx.addIssue({
          code: 'custom',
          path: ['zwakke_themas', index],
          message: `thema ${id} hoort bij hoofdstuk ${theme.hoofdstuk}, dat niet bij de gekozen hoofdstukken (${chapters.join(', ')}) staat`,
        });
      }
    });
    for (const key of ['prioriteiten', 'toelichting'] as const) {
      for (const id of Object.keys(answers[key])) {
        if (!answers.zwakke_themas.includes(id)) {
          ctx.addIssue({ code: 'custom', path: [key, id], message: `thema ${id} staat niet bij zwakke_themas` });
        }
      }
    }
  }

  function actionPlanChecks(answers: AnswersDraft, ctx: z.RefinementCtx) {
    const type = kb.organisationTypes.find((t) => t.id === answers.organisatie.type);
    if (!type) return;
    const own = answers.actieplan?.eigen ?? [];
    // maatregel_status may itself be wrong (its own issues are reported); its keys are checked when it is a map.
    const statuses: unknown = answers.maatregel_status;
    const statusIds = typeof statuses === 'object' && statuses !== null ? Object.keys(statuses) : [];
    for (const id of statusIds) {
      if (id.startsWith(ownMeasurePrefix) && !own.some((measure) => measure.id === id)) {
        const ownIds = own.map((measure) => measure.id);
        ctx.addIssue({
          code: 'custom',
          path: ['maatregel_status', id],
          message: describeUnknown('onbekende eigen maatregel (actieplan.eigen)', id, ownIds),
        });
      }
    }
    checkActionPlan(kb, answers, type, chosenChapters(kb, answers), ctx);
  }
}

/** The top-level keys each check across fields reads. */
const chapterInputs = new Set(['organisatie', 'hoofdstukken', 'zwakke_themas', 'prioriteiten', 'toelichting']);
const actionPlanInputs = new Set(['organisatie', 'hoofdstukken', 'planperiode', 'actieplan']);
const reportInputs = new Set(['organisatie', 'aanbieding']);

function validFields(payload: { issues: readonly { path?: readonly PropertyKey[] }[] }, inputs: ReadonlySet<string>) {
  return !payload.issues.some((issue) => inputs.has(String(issue.path?.[0])));
}

export type Answers = z.output<ReturnType<typeof answersSchema>>;

type AnswersDraft = z.output<typeof structure>;

/** The action plan's rules that need the type and the period: owners of the type, quarters in the period, elections. */
function checkActionPlan(
  kb: KnowledgeBase,
  answers: AnswersDraft,
  type: KnowledgeBase['organisationTypes'][number],
  chapters: readonly string[],
  ctx: z.RefinementCtx,
) {
  const plan = answers.actieplan;
  if (!plan) return;
  const { van, tot } = answers.planperiode;
  const ownRoles = kb.roles.filter((role) => roleName(kb, type, role.id) !== undefined);
  const roleChoices = ownRoles.map((role) => role.id);
  const checkOwner = (owner: string | undefined, path: (string | number)[]) => {
    if (owner === undefined || roleChoices.includes(owner)) return;
    const exists = kb.roles.some((role) => role.id === owner);
    const listed = ownRoles.map((role) => `${role.id} (${roleName(kb, type, role.id)})`).join(', ');
    const message = exists
      ? `rol "${owner}" bestaat niet bij ${type.label.toLowerCase()}; kies uit: ${listed}`
      : `${describeUnknown('onbekende rol', owner, roleChoices)}${listed.length > 0 ? `; de rollen van ${type.in_zin}: ${listed}` : ''}`;
    ctx.addIssue({ code: 'custom', path, message });
  };
  const checkQuarter = (quarter: QuarterInput | undefined, path: (string | number)[]) => {
    if (quarter === undefined || (quarter.jaar >= van && quarter.jaar <= tot)) return;
    ctx.addIssue({
      code: 'custom',
      path,
      message: `K${quarter.kwartaal} ${quarter.jaar} ligt buiten de planperiode; kies een kwartaal van K1 ${van} tot en met K4 ${tot}`,
    });
  };
  for (const [id, change] of Object.entries(plan.maatregelen ?? {})) {
    checkOwner(change.eigenaar, ['actieplan', 'maatregelen', id, 'eigenaar']);
    checkQuarter(change.kwartaal, ['actieplan', 'maatregelen', id, 'kwartaal']);
  }
  (plan.eigen ?? []).forEach((own, index) => {
    const path = ['actieplan', 'eigen', index];
    checkOwner(own.eigenaar, [...path, 'eigenaar']);
    checkQuarter(own.kwartaal, [...path, 'kwartaal']);
    if (electionKinds.includes(own.soort) && !electionsOf(kb, type.id)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'soort'],
        message: `${type.in_zin} heeft in de kennisbank geen eigen verkiezingen; kies eenmalig, doorlopend of jaarlijks`,
      });
    }
    own.themas.forEach((themeId, i) => {
      const theme = kb.themes.find((t) => t.id === themeId);
      if (theme && !chapters.includes(theme.hoofdstuk)) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'themas', i],
          message: `thema ${themeId} hoort bij hoofdstuk ${theme.hoofdstuk}, dat niet bij de gekozen hoofdstukken (${chapters.join(', ')}) staat`,
        });
      }
    });
  });
}
