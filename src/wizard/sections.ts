import { priorityIds, type Answers, type Priority } from '../answers/schema.js';
import { formats, type DocumentCatalogue, type Format } from '../generate.js';
import { getChapter, getOrganisationType, themesOfChapter, type KnowledgeBase } from '../knowledge/model.js';
import type { Chapter, ChapterId, OrganisationTypeId } from '../knowledge/schema.js';
import { chosenChapters, weakThemes, type Draft, type FixedChoices } from './draft.js';
import type { Prompter } from './prompter.js';
import type { FieldRules } from './rules.js';

/**
 * The wizard's questions, in groups. Every choice comes from data (organisation types, chapters,
 * themes and their `samenvatting` from the knowledge base; documents from templates/documenten.yaml),
 * so a new theme or document needs no change here. A group is asked as a whole on the first pass
 * and again when the user picks "wijzigen" in the summary.
 */

export interface FlowContext {
  prompter: Prompter;
  kb: KnowledgeBase;
  catalogue: DocumentCatalogue;
  rules: FieldRules;
  fixed: FixedChoices;
}

/** `first`: the first pass, where values from the command line skip their question. `change`: asked on request. */
export type AskMode = 'first' | 'change';

export type SectionId =
  'organisatie' | 'documenten' | 'periode' | 'hoofdstukken' | 'themas' | 'prioriteiten' | 'uitvoer';

export interface Section {
  id: SectionId;
  title: string;
  /** One short line printed above the group's questions. */
  help: string;
  ask(context: FlowContext, draft: Draft, mode: AskMode): Promise<Draft>;
  /** Label and value lines for the summary. */
  summary(context: FlowContext, draft: Draft): [label: string, value: string][];
  /** After the user changed an earlier group (before → after): must this group be asked again? */
  affectedBy?(context: FlowContext, before: Draft, after: Draft): boolean;
  /** True when the command line already answered every question of the group. */
  skipped?(context: FlowContext, mode: AskMode): boolean;
}

const formatNames: Record<Format, { name: string; description: string }> = {
  docx: { name: 'Word (DOCX)', description: 'om verder te bewerken in Word of LibreOffice' },
  pdf: { name: 'PDF', description: 'om te versturen, af te drukken of te publiceren' },
  md: { name: 'Markdown (MD)', description: 'platte tekst, voor wie de tekst zelf verder verwerkt' },
};

const priorityDescriptions: Record<Priority, string> = {
  hoog: 'de maatregelen komen vooraan in het actieplan',
  midden: 'de gewone volgorde (standaard)',
  laag: 'de maatregelen komen later in de planperiode',
};

/** "2, 3 en 4" in the wizard's own text (the templates have `joinNames` for theirs); the only such helper here. */
function dutchList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

/** "2, 3, 4, 5 en 6": the monitor's chapter numbers (h56 is "5 en 6" in the source). */
function chapterNumbers(kb: KnowledgeBase, ids: readonly ChapterId[]): string {
  return dutchList(ids.flatMap((id) => getChapter(kb, id).monitorhoofdstuk.split(' en ')));
}

/** "over de integriteitsbeleving van de ambtelijke organisatie" */
function chapterDescription(chapter: Chapter): string {
  const subject = chapter.soort === 'beleving' ? 'de integriteitsbeleving' : 'het integriteitsbeleid';
  const group = chapter.doelgroep === 'ambtelijke organisatie' ? 'de ambtelijke organisatie' : chapter.doelgroep;
  return `over ${subject} van ${group}`;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

function withAnswers(draft: Draft, change: Partial<Answers>): Draft {
  return { ...draft, answers: { ...draft.answers, ...change } };
}

/** "Waterschap Voorbeeld": an example name for the type, from its label; the rijk has ministries and services. */
function exampleName(kb: KnowledgeBase, typeId: OrganisationTypeId): string {
  return typeId === 'rijk' ? 'Ministerie van Voorbeeldzaken' : `${getOrganisationType(kb, typeId).label} Voorbeeld`;
}

const organisation: Section = {
  id: 'organisatie',
  title: 'Organisatie',
  help: 'Het type bepaalt welke hoofdstukken van de monitor gelden en hoe organen heten (raad, Staten, algemeen bestuur).',
  async ask({ prompter, kb, rules }, draft) {
    const type = await prompter.select({
      message: 'Wat voor organisatie is het?',
      choices: kb.organisationTypes.map((t) => ({
        value: t.id,
        name: t.label,
        description: `hoofdstuk ${chapterNumbers(kb, t.hoofdstukken)} van de monitor`,
      })),
      default: draft.answers.organisatie.type,
    });
    const name = await prompter.input({
      message: `Naam van de organisatie (zoals in de documenten, bijv. "${exampleName(kb, type)}"):`,
      ...(draft.answers.organisatie.naam ? { default: draft.answers.organisatie.naam } : {}),
      validate: rules.organisationName,
    });
    return withAnswers(draft, { organisatie: { type, naam: name.trim() } });
  },
  summary: ({ kb }, { answers }) => [
    [
      'Organisatie',
      `${answers.organisatie.naam} (${getOrganisationType(kb, answers.organisatie.type).label.toLowerCase()})`,
    ],
  ],
};

const documents: Section = {
  id: 'documenten',
  title: 'Documenten',
  help: 'Kies met de spatiebalk; Enter gaat verder.',
  skipped: ({ fixed }, mode) => mode === 'first' && fixed.documents !== undefined,
  async ask({ prompter, catalogue, rules }, draft) {
    const chosen = await prompter.checkbox({
      message: 'Welke documenten wilt u maken?',
      choices: catalogue.map((d) => ({
        value: d.id,
        name: d.naam,
        description: d.omschrijving,
        checked: draft.documents.includes(d.id),
      })),
      validate: rules.atLeastOne('document'),
    });
    return { ...draft, documents: catalogue.map((d) => d.id).filter((id) => chosen.includes(id)) };
  },
  summary: ({ catalogue }, draft) => [
    ['Documenten', dutchList(draft.documents.map((id) => catalogue.find((d) => d.id === id)?.naam ?? id))],
  ],
};

const period: Section = {
  id: 'periode',
  title: 'Planperiode, datum en auteur',
  help: 'De planperiode bepaalt het actieplan; de datum staat in de documenten (JJJJ-MM-DD).',
  async ask({ prompter, rules }, draft) {
    const previous = draft.answers.planperiode;
    const van = await prompter.number({
      message: 'Planperiode – van (eerste jaar):',
      default: previous.van,
      validate: rules.year,
    });
    const tot = await prompter.number({
      message: 'Planperiode – tot (laatste jaar, t/m):',
      default: van + Math.max(0, previous.tot - previous.van),
      validate: rules.periodEnd(van),
    });
    const datum = await prompter.input({
      message: 'Datum van de documenten (JJJJ-MM-DD):',
      ...(draft.answers.datum ? { default: draft.answers.datum } : {}),
      validate: rules.date,
    });
    let verslagjaar = draft.answers.verslagjaar;
    if (draft.documents.includes('rapportage')) {
      verslagjaar = await prompter.number({
        message: 'Over welk jaar gaat de integriteitsrapportage?',
        default: verslagjaar ?? Number(datum.slice(0, 4)) - 1,
        validate: rules.year,
      });
      if (datum <= `${verslagjaar}-12-31`) {
        prompter.print(
          `Let op: de datum ${datum} ligt niet na verslagjaar ${verslagjaar}; een rapportage volgt meestal op het jaar.`,
        );
      }
    }
    const author = draft.answers.auteur;
    const naam = (
      await prompter.input({
        message: 'Naam van de auteur (leeg laten mag):',
        ...(author?.naam ? { default: author.naam } : {}),
        validate: rules.optionalPersonName,
      })
    ).trim();
    let auteur: Answers['auteur'];
    if (naam) {
      const functie = (
        await prompter.input({
          message: `Functie van ${naam} (leeg laten mag):`,
          ...(author?.functie ? { default: author.functie } : {}),
          validate: rules.optionalFunction,
        })
      ).trim();
      // Phone and e-mail from an earlier file belong to that person only.
      const contact = author?.naam === naam ? { telefoon: author.telefoon, email: author.email } : {};
      auteur = Object.fromEntries(
        Object.entries({ naam, functie: functie || undefined, ...contact }).filter(([, value]) => value !== undefined),
      ) as NonNullable<Answers['auteur']>;
    }
    const answers: Answers = { ...draft.answers, planperiode: { van, tot }, datum };
    if (verslagjaar !== undefined) answers.verslagjaar = verslagjaar;
    if (auteur) answers.auteur = auteur;
    else delete answers.auteur;
    return { ...draft, answers };
  },
  summary: (_context, { answers, documents }) => [
    ['Planperiode', `${answers.planperiode.van} t/m ${answers.planperiode.tot}`],
    ['Datum', answers.datum ?? ''],
    ...(documents.includes('rapportage') && answers.verslagjaar !== undefined
      ? [['Verslagjaar', String(answers.verslagjaar)] as [string, string]]
      : []),
    ['Auteur', answers.auteur ? [answers.auteur.naam, answers.auteur.functie].filter(Boolean).join(', ') : '(geen)'],
  ],
  affectedBy: (_context, before, after) =>
    !before.documents.includes('rapportage') && after.documents.includes('rapportage'),
};

const chapters: Section = {
  id: 'hoofdstukken',
  title: 'Hoofdstukken van de monitor',
  help: 'Alleen de hoofdstukken die voor dit type organisatie gelden; ze staan al aangevinkt.',
  async ask({ prompter, kb, rules }, draft) {
    const type = getOrganisationType(kb, draft.answers.organisatie.type);
    const current = chosenChapters(kb, draft.answers);
    const chosen = await prompter.checkbox({
      message: 'Welke hoofdstukken van de monitor horen in het plan?',
      choices: type.hoofdstukken.map((id) => {
        const chapter = getChapter(kb, id);
        return {
          value: id,
          name: `Hoofdstuk ${chapter.monitorhoofdstuk}: ${chapter.titel}`,
          short: chapter.monitorhoofdstuk,
          description: chapterDescription(chapter),
          checked: current.includes(id),
        };
      }),
      validate: rules.chapters,
    });
    return withAnswers(draft, { hoofdstukken: type.hoofdstukken.filter((id) => chosen.includes(id)) });
  },
  summary: ({ kb }, { answers }) => [['Hoofdstukken', chapterNumbers(kb, chosenChapters(kb, answers))]],
  affectedBy: (_context, before, after) => before.answers.organisatie.type !== after.answers.organisatie.type,
};

const themes: Section = {
  id: 'themas',
  title: "Zwakke thema's",
  help: "Vink per hoofdstuk de thema's aan die volgens uw eigen beoordeling zwak scoren; onder de lijst staat waar het thema over gaat.",
  async ask({ prompter, kb }, draft) {
    const current = weakThemes(kb, draft.answers);
    const weak: string[] = [];
    for (const chapterId of chosenChapters(kb, draft.answers)) {
      const chapter = getChapter(kb, chapterId);
      prompter.print(`Hoofdstuk ${chapter.monitorhoofdstuk}: ${chapter.titel}`);
      const chosen = await prompter.checkbox({
        message: "Welke thema's uit dit hoofdstuk scoorden zwak? (geen mag ook)",
        choices: themesOfChapter(kb, chapterId).map((theme) => ({
          value: theme.id,
          name: theme.titel,
          description: theme.samenvatting,
          checked: current.includes(theme.id),
        })),
      });
      weak.push(...chosen);
    }
    return withAnswers(draft, { zwakke_themas: kb.themes.map((t) => t.id).filter((id) => weak.includes(id)) });
  },
  summary: ({ kb }, { answers }) => {
    const weak = weakThemes(kb, answers);
    if (weak.length === 0) return [["Zwakke thema's", '(geen)']];
    return weak.map((id, index) => {
      const theme = kb.themes.find((t) => t.id === id)!;
      return [
        index === 0 ? `Zwakke thema's (${weak.length})` : '',
        `${theme.titel} (hoofdstuk ${getChapter(kb, theme.hoofdstuk).monitorhoofdstuk})`,
      ];
    });
  },
  affectedBy: ({ kb }, before, after) =>
    before.answers.organisatie.type !== after.answers.organisatie.type ||
    !sameSet(chosenChapters(kb, before.answers), chosenChapters(kb, after.answers)),
};

const priorities: Section = {
  id: 'prioriteiten',
  title: 'Prioriteiten',
  help: 'Optioneel: wat hoog staat, komt eerst in het actieplan. Zonder keuze is alles "midden".',
  async ask({ prompter, kb }, draft) {
    const weak = weakThemes(kb, draft.answers);
    if (weak.length === 0) {
      prompter.print("Er zijn geen zwakke thema's gekozen, dus ook geen prioriteiten.");
      return draft;
    }
    const hasPriorities = weak.some((id) => draft.answers.prioriteiten[id] !== undefined);
    const choose = await prompter.confirm({
      message: `Wilt u per zwak thema een prioriteit kiezen (hoog, midden of laag)?`,
      default: hasPriorities,
    });
    if (!choose) return withAnswers(draft, { prioriteiten: {} });
    const prioriteiten: Record<string, Priority> = {};
    for (const id of weak) {
      const theme = kb.themes.find((t) => t.id === id)!;
      const priority = await prompter.select({
        message: `Prioriteit van "${theme.titel}" (hoofdstuk ${getChapter(kb, theme.hoofdstuk).monitorhoofdstuk}):`,
        choices: priorityIds.map((priority) => ({
          value: priority,
          name: priority,
          description: priorityDescriptions[priority],
        })),
        default: draft.answers.prioriteiten[id] ?? 'midden',
      });
      // "midden" is the default; it is only written down where the file already said so.
      if (priority !== 'midden' || draft.answers.prioriteiten[id] !== undefined) prioriteiten[id] = priority;
    }
    return withAnswers(draft, { prioriteiten });
  },
  summary: ({ kb }, { answers }) => {
    const weak = weakThemes(kb, answers);
    if (weak.length === 0) return [];
    const byPriority = priorityIds.map((priority) => ({
      priority,
      titles: weak
        .filter((id) => (answers.prioriteiten[id] ?? 'midden') === priority)
        .map((id) => kb.themes.find((t) => t.id === id)!.titel),
    }));
    if (byPriority.every(({ priority, titles }) => priority === 'midden' || titles.length === 0)) {
      return [['Prioriteiten', 'alle zwakke thema\'s "midden"']];
    }
    return byPriority
      .filter(({ titles }) => titles.length > 0)
      .map(({ priority, titles }, index) => [index === 0 ? 'Prioriteiten' : '', `${priority}: ${titles.join(', ')}`]);
  },
  affectedBy: ({ kb }, before, after) => !sameSet(weakThemes(kb, before.answers), weakThemes(kb, after.answers)),
};

const output: Section = {
  id: 'uitvoer',
  title: 'Uitvoer',
  help: 'De documenten en uw antwoorden (als YAML-bestand) komen samen in één map.',
  skipped: ({ fixed }, mode) => mode === 'first' && fixed.formats !== undefined && fixed.outputDir !== undefined,
  async ask({ prompter, rules, fixed }, draft, mode) {
    let next = draft;
    if (mode === 'change' || !fixed.formats) {
      const chosen = await prompter.checkbox({
        message: 'In welke formaten?',
        choices: formats.map((format) => ({
          value: format,
          ...formatNames[format],
          checked: draft.formats.includes(format),
        })),
        validate: rules.atLeastOne('formaat'),
      });
      next = { ...next, formats: formats.filter((format) => chosen.includes(format)) };
    }
    if (mode === 'change' || fixed.outputDir === undefined) {
      const folder = await prompter.input({
        message: 'In welke map?',
        default: draft.outputDir,
        validate: rules.folder,
      });
      next = { ...next, outputDir: folder.trim() };
    }
    return next;
  },
  summary: (_context, draft) => [
    ['Formaten', draft.formats.map((format) => formatNames[format].name).join(', ')],
    ['Map', draft.outputDir],
  ],
};

/** In the order of the questions. */
export const sections: readonly Section[] = [organisation, documents, period, chapters, themes, priorities, output];
