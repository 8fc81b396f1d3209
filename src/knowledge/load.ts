import type { z } from 'zod';
import { parseKeyPath, type Problem } from '../validation/problem.js';
import { parseYaml, validate, type LocatedDocument } from '../validation/yaml.js';
import { checkReferences } from './references.js';
import { checkRoleMarkup } from './wording-check.js';
import { knowledgeFileNames, readKnowledgeFiles, themesFolder, type KnowledgeFiles } from './files.js';
import type { KnowledgeBase } from './model.js';
import {
  basisnormenSchema,
  chaptersSchema,
  correctionsSchema,
  electionCalendarSchema,
  instrumentsSchema,
  measuresSchema,
  legalFrameworkSchema,
  organisationTypesSchema,
  rolesSchema,
  sourceSchema,
  themeSchema,
  typologySchema,
} from './schema.js';

const singleFiles = {
  source: [knowledgeFileNames.source, sourceSchema],
  chapters: [knowledgeFileNames.chapters, chaptersSchema],
  roles: [knowledgeFileNames.roles, rolesSchema],
  organisationTypes: [knowledgeFileNames.organisationTypes, organisationTypesSchema],
  instruments: [knowledgeFileNames.instruments, instrumentsSchema],
  corrections: [knowledgeFileNames.corrections, correctionsSchema],
  legalFramework: [knowledgeFileNames.legalFramework, legalFrameworkSchema],
  typology: [knowledgeFileNames.typology, typologySchema],
  measures: [knowledgeFileNames.measures, measuresSchema],
  elections: [knowledgeFileNames.elections, electionCalendarSchema],
  basisnormen: [knowledgeFileNames.basisnormen, basisnormenSchema],
} as const;

export type KnowledgeResult = { ok: true; knowledge: KnowledgeBase } | { ok: false; problems: Problem[] };

/**
 * Parses and validates every file, then the references between them. Pure: all problems of all
 * files are collected, so one run of `controleer` shows everything that is wrong.
 */
export function parseKnowledge(files: KnowledgeFiles, label = 'knowledge'): KnowledgeResult {
  const problems: Problem[] = [];
  const where = (name: string) => `${label}/${name}`;
  const documents = new Map<string, LocatedDocument>();
  /** Ids of theme files that exist but failed validation: references to them are not reported again. */
  const invalidThemeIds = new Set<string>();

  function load<S extends z.ZodType>(name: string, schema: S): z.output<S> | undefined {
    const text = files.get(name);
    if (text === undefined) {
      problems.push({ file: where(name), key: '', message: 'bestand ontbreekt' });
      return undefined;
    }
    if (typeof text !== 'string') {
      // References to a theme whose file cannot be read are not reported again.
      if (name.startsWith(`${themesFolder}/`)) invalidThemeIds.add(name.slice(themesFolder.length + 1, -'.yaml'.length));
      return void problems.push(...text);
    }
    const parsed = parseYaml(text, where(name));
    if (!parsed.ok) return void problems.push(...parsed.problems);
    documents.set(where(name), parsed.value);
    const valid = validate(parsed.value, schema);
    if (!valid.ok) {
      const rawId = (parsed.value.value as { id?: unknown } | null)?.id;
      if (typeof rawId === 'string') invalidThemeIds.add(rawId);
      return void problems.push(...valid.problems);
    }
    return valid.value;
  }

  const source = load(...singleFiles.source);
  const chapters = load(...singleFiles.chapters);
  const roles = load(...singleFiles.roles);
  const organisationTypes = load(...singleFiles.organisationTypes);
  const instruments = load(...singleFiles.instruments);
  const corrections = load(...singleFiles.corrections);
  const legalFramework = load(...singleFiles.legalFramework);
  const typology = load(...singleFiles.typology);
  const measures = load(...singleFiles.measures);
  const elections = load(...singleFiles.elections);
  const basisnormen = load(...singleFiles.basisnormen);

  const themeFiles = [...files.keys()].filter((name) => name.startsWith(`${themesFolder}/`));
  if (themeFiles.length === 0) {
    problems.push({ file: where(themesFolder), key: '', message: 'geen themabestanden (*.yaml) gevonden' });
  }
  const themes = themeFiles.flatMap((name) => {
    const theme = load(name, themeSchema);
    if (theme && `${themesFolder}/${theme.id}.yaml` !== name) {
      problems.push({
        file: where(name),
        key: 'id',
        message: `het id "${theme.id}" hoort bij bestandsnaam ${theme.id}.yaml`,
      });
    }
    return theme ? [{ theme, file: where(name) }] : [];
  });

  if (
    !source ||
    !chapters ||
    !roles ||
    !organisationTypes ||
    !instruments ||
    !corrections ||
    !legalFramework ||
    !typology ||
    !measures ||
    !elections ||
    !basisnormen
  ) {
    return { ok: false, problems };
  }
  const knowledge: KnowledgeBase = {
    source,
    chapters,
    roles,
    organisationTypes,
    instruments,
    corrections,
    legalFramework,
    typology,
    themes: orderThemes(
      themes.map((t) => t.theme),
      chapters,
    ),
    measures,
    elections,
    basisnormen,
  };
  const referenceProblems = checkReferences(knowledge, {
    themeFile: (id) => themes.find((t) => t.theme.id === id)?.file ?? where(themesFolder),
    file: (key) => where(singleFiles[key][0]),
    isInvalidTheme: (id) => invalidThemeIds.has(id),
  });
  const wordingProblems = checkRoleMarkup(knowledge, {
    themeFile: (id) => themes.find((t) => t.theme.id === id)?.file ?? where(themesFolder),
    rolesFile: where(singleFiles.roles[0]),
    measuresFile: where(singleFiles.measures[0]),
    basisnormenFile: where(singleFiles.basisnormen[0]),
    instrumentsFile: where(singleFiles.instruments[0]),
    rawText: (file) => {
      const text = files.get(file.slice(label.length + 1));
      return typeof text === 'string' ? text : undefined;
    },
  });
  for (const problem of [...referenceProblems, ...wordingProblems]) {
    problems.push({ ...problem, line: problem.line ?? documents.get(problem.file)?.lineOf(parseKeyPath(problem.key)) });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, knowledge };
}

/** Themes in the order of the source: by chapter, then as the chapter lists them. */
function orderThemes(themes: KnowledgeBase['themes'], chapters: KnowledgeBase['chapters']): KnowledgeBase['themes'] {
  const rank = new Map(chapters.flatMap((c) => c.themas).map((id, index) => [id, index]));
  return [...themes].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
}

export async function loadKnowledge(dir: string, label?: string): Promise<KnowledgeResult> {
  return parseKnowledge(await readKnowledgeFiles(dir, label), label);
}
