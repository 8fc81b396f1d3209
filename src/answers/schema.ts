import { z } from 'zod';
import type { KnowledgeBase } from '../knowledge/model.js';
import { chapterIdSchema, measureStatusIds, organisationTypeIdSchema } from '../knowledge/schema.js';
import { chosenChapters } from '../plan/rules.js';
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

const structure = z.strictObject({
  organisatie: z.strictObject({ naam: organisationNameSchema, type: organisationTypeIdSchema }),
  /** Default: every chapter of the type (plan/rules.ts). */
  hoofdstukken: z.array(chapterIdSchema).min(1, 'kies minstens één hoofdstuk').optional(),
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
  /** Status per measure ("thema-id/maatregel-id"), shown in the rapportage. */
  maatregel_status: z.record(z.string(), z.enum(measureStatusIds)).default({}),
});

export type AnswersInput = z.input<typeof structure>;

/**
 * The rules that need the knowledge base. Checks of one field (unknown theme or measure ids) sit
 * on that field, so they are reported even when another field is wrong too; checks across fields
 * (chapters per type, themes per chapter) run as soon as the fields they read are valid.
 */
export function answersSchema(kb: KnowledgeBase) {
  const themeIds = kb.themes.map((theme) => theme.id);
  const measureIds = kb.themes.flatMap((theme) => theme.maatregelen.map((m) => `${theme.id}/${m.id}`));
  /** A record keyed by known ids: every other key is refused by name (a "__proto__" key already by validation/yaml.ts). */
  const keyedBy = <V extends z.ZodType>(what: string, known: readonly string[], value: V) => {
    const set = new Set(known);
    return z.record(
      z.string().refine((key) => set.has(key), { error: (issue) => describeUnknown(what, String(issue.input), known) }),
      value,
    );
  };
  return structure
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
      maatregel_status: keyedBy('onbekende maatregel', measureIds, z.enum(measureStatusIds)).default({}),
    })
    .superRefine(crossFieldChecks, {
      // Checks across fields run as soon as the fields they read are valid, whatever else is wrong.
      when: (payload) => !payload.issues.some((issue) => crossFieldInputs.has(String(issue.path?.[0]))),
    });

  function crossFieldChecks(answers: z.output<typeof structure>, ctx: z.RefinementCtx) {
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
}

const crossFieldInputs = new Set(['organisatie', 'hoofdstukken', 'zwakke_themas', 'prioriteiten', 'toelichting']);

export type Answers = z.output<ReturnType<typeof answersSchema>>;
