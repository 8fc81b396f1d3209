import { z } from 'zod';
import { getOrganisationType, type KnowledgeBase } from '../knowledge/model.js';
import {
  chapterIdSchema,
  measureStatusIds,
  organisationTypeIdSchema,
  type OrganisationTypeId,
} from '../knowledge/schema.js';
import { chosenChapters, hasRepresentativeBody } from '../plan/rules.js';
import { describeUnknown } from '../validation/suggest.js';

/**
 * The answers file (YAML or JSON): a public contract shared by `genereer`, the wizard and next
 * year's run. The field schemas are exported so the wizard validates while typing with exactly
 * the same rules.
 */

export const organisationNameSchema = z
  .string({ error: 'vul de naam van de organisatie in' })
  .trim()
  .min(1, 'de naam van de organisatie mag niet leeg zijn')
  .max(120, 'de naam mag hoogstens 120 tekens lang zijn');

export const yearSchema = z
  .number({ error: 'vul een jaartal in, bijvoorbeeld 2027' })
  .int('een jaartal is een heel getal')
  .min(2000, 'een jaartal vanaf 2000')
  .max(2100, 'een jaartal tot en met 2100');

/** Dates as JJJJ-MM-DD; the Dutch habit DD-MM-JJJJ is accepted too and turned around. */
export const isoDateSchema = z
  .string({ error: 'vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2027-01-15' })
  .trim()
  .transform((value) => value.replace(/^(\d{2})-(\d{2})-(\d{4})$/, '$3-$2-$1'))
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, {
        message: 'schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2027-01-15',
        abort: true,
      })
      .refine((value) => {
        const date = new Date(`${value}T00:00:00Z`);
        return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
      }, 'deze datum bestaat niet'),
  );

export const priorityIds = ['hoog', 'midden', 'laag'] as const;
export const prioritySchema = z.enum(priorityIds);
export type Priority = z.infer<typeof prioritySchema>;

export const statusIds = ['concept', 'vastgesteld'] as const;

const optionalText = z
  .string()
  .trim()
  .min(1, 'mag niet leeg zijn; laat de sleutel weg als u niets wilt invullen')
  .optional();
const contactSchema = z.strictObject({
  naam: z.string().trim().min(1, 'vul een naam in'),
  functie: optionalText,
  telefoon: optionalText,
  email: z.email('geen geldig e-mailadres').optional(),
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
  toelichting: optionalText,
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
      commissie: z
        .string()
        .trim()
        .min(1, 'mag niet leeg zijn; laat de sleutel weg als u niets wilt invullen')
        .max(120, 'de naam mag hoogstens 120 tekens lang zijn')
        .refine(
          (name) => !/^(de|het)\s/i.test(name),
          'schrijf de naam zonder lidwoord, bijvoorbeeld "commissie Bestuur"',
        )
        .optional(),
      /** Where the documents are published, as it reads after "gepubliceerd": "op www.voorbeeld.nl". */
      publicatie: optionalText,
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
  organisatie: z.strictObject({ naam: organisationNameSchema, type: organisationTypeIdSchema }),
  /** Default: every chapter of the type (plan/rules.ts). */
  hoofdstukken: z.array(chapterIdSchema).min(1, 'kies minstens één hoofdstuk').optional(),
  zwakke_themas: z.array(z.string()).default([]),
  /** Per weak theme; default "midden". */
  prioriteiten: z.record(z.string(), prioritySchema).default({}),
  /** The officer's own remarks per theme, printed in that theme's section. */
  toelichting: z.record(z.string(), z.string().trim().min(1, 'mag niet leeg zijn')).default({}),
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
  /** Status per measure ("thema-id/maatregel-id"), shown in the rapportage. */
  maatregel_status: z.record(z.string(), z.enum(measureStatusIds)).default({}),
  ...reportAnswers,
});

export type AnswersInput = z.input<typeof structure>;

/**
 * The rules that need the knowledge base. Checks of one field (unknown theme or measure ids) sit
 * on that field, so they are reported even when another field is wrong too; checks across fields
 * (chapters per type, themes per chapter) run once every field is valid.
 */
export function answersSchema(kb: KnowledgeBase) {
  const themeIds = kb.themes.map((theme) => theme.id);
  const measureIds = kb.themes.flatMap((theme) => theme.maatregelen.map((m) => `${theme.id}/${m.id}`));
  return structure
    .extend({
      zwakke_themas: structure.shape.zwakke_themas.superRefine((ids, ctx) => {
        ids.forEach((id, index) => {
          if (!themeIds.includes(id)) {
            ctx.addIssue({ code: 'custom', path: [index], message: describeUnknown('onbekend thema', id, themeIds) });
          } else if (ids.indexOf(id) !== index) {
            ctx.addIssue({ code: 'custom', path: [index], message: `thema ${id} staat er twee keer in` });
          }
        });
      }),
      maatregel_status: structure.shape.maatregel_status.superRefine((statuses, ctx) => {
        for (const id of Object.keys(statuses)) {
          if (!measureIds.includes(id)) {
            ctx.addIssue({
              code: 'custom',
              path: [id],
              message: describeUnknown('onbekende maatregel', id, measureIds),
            });
          }
        }
      }),
    })
    .superRefine((answers, ctx) => {
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
      checkReportAnswers(kb, answers, ctx);
      for (const key of ['prioriteiten', 'toelichting'] as const) {
        for (const id of Object.keys(answers[key])) {
          if (!answers.zwakke_themas.includes(id)) {
            ctx.addIssue({ code: 'custom', path: [key, id], message: `thema ${id} staat niet bij zwakke_themas` });
          }
        }
      }
    });
}

export type Answers = z.output<ReturnType<typeof answersSchema>>;
