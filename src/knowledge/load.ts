import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { errorCode, fileSystemError, fileSystemReason } from '../validation/fs-errors.js';
import { parseKeyPath, UserError, type Problem } from '../validation/problem.js';
import { readTextFile } from '../validation/text-file.js';
import { parseYaml, validate, type LocatedDocument } from '../validation/yaml.js';
import { checkReferences } from './references.js';
import { checkRoleMarkup } from './wording-check.js';
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

/**
 * The raw text of every knowledge base file, keyed by its path relative to the knowledge folder;
 * a file that exists but cannot be read (a folder in its place, a broken link, not UTF-8) holds
 * the problems that say why, so one `controleer` reports them with everything else.
 */
export type KnowledgeFiles = ReadonlyMap<string, string | readonly Problem[]>;

/** Ten times the largest file of the built-in knowledge base; each text field is limited further by the schema. */
const maxKnowledgeFileBytes = 512 * 1024;

const singleFiles = {
  source: ['bron.yaml', sourceSchema],
  chapters: ['hoofdstukken.yaml', chaptersSchema],
  roles: ['rollen.yaml', rolesSchema],
  organisationTypes: ['organisatietypen.yaml', organisationTypesSchema],
  instruments: ['instrumenten.yaml', instrumentsSchema],
  corrections: ['correcties.yaml', correctionsSchema],
  legalFramework: ['wetgeving.yaml', legalFrameworkSchema],
  typology: ['typologie.yaml', typologySchema],
  measures: ['maatregelen.yaml', measuresSchema],
  elections: ['verkiezingen.yaml', electionCalendarSchema],
  basisnormen: ['basisnormen.yaml', basisnormenSchema],
} as const;
const themesFolder = 'themas';

export async function readKnowledgeFiles(dir: string, label = 'knowledge'): Promise<KnowledgeFiles> {
  const files = new Map<string, string | readonly Problem[]>();
  const read = async (name: string) => {
    const shown = `${label}/${name}`;
    try {
      files.set(name, await readTextFile(join(dir, name), shown, { what: 'het kennisbankbestand', maxBytes: maxKnowledgeFileBytes }));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      // A missing file is reported by parseKnowledge, with every other problem.
      if (errorCode(error.cause) === 'ENOENT') return;
      const reason = fileSystemReason(error.cause, 'lezen');
      files.set(
        name,
        error.problems.length > 0
          ? error.problems
          : [{ file: shown, key: '', message: reason ? `kan niet worden gelezen: ${reason}` : error.message }],
      );
    }
  };
  for (const [name] of Object.values(singleFiles)) await read(name);
  const themeNames = await readdir(join(dir, themesFolder)).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT') return [];
    throw fileSystemError(error, `${label}/${themesFolder}`, 'lezen', 'de map');
  });
  for (const name of themeNames.filter((n) => n.endsWith('.yaml')).sort()) await read(`${themesFolder}/${name}`);
  return files;
}

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
