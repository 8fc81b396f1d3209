import { z } from 'zod';
import type { KnowledgeBase } from '../knowledge/model.js';
import { chapterIdSchema, measureStatusIds, organisationTypeIdSchema } from '../knowledge/schema.js';
import { chosenChapters } from '../plan/rules.js';
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

const structure = z.strictObject({
  organisatie: z.strictObject({ naam: organisationNameSchema, type: organisationTypeIdSchema }),
  /** Default: every chapter of the type (plan/rules.ts). */
  hoofdstukken: z.array(chapterIdSchema).min(1, 'kies minstens één hoofdstuk').optional(),
  zwakke_themas: z.array(z.string()).default([]),
  /** Per weak theme; default "midden". */
  prioriteiten: z.record(z.string(), prioritySchema).default({}),
  /** The officer's own remarks per theme, printed in that theme's section. */
  toelichting: z.record(z.string(), z.string().trim().min(1, 'mag niet leeg zijn')).default({}),
  /**
   * What the organisation based its judgement of the weak themes on (its own survey, the
   * IntegriteitsWijzer, a self-assessment): printed in the plan's chapter on the themes.
   */
  onderbouwing: optionalText,
  /** The plan's own version number, for the colophon, e.g. "1.0". */
  versie: optionalText,
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
  /** The PDFs also as PDF/A-2a, for the archive (besides PDF/UA-1, which they always are). */
  pdfa: z.boolean().optional(),
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
