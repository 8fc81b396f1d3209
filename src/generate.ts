import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { markdownToDocument } from './markdown/to-document.js';
import type { DocumentTree } from './document/tree.js';
import { fileNamePart, organisationFileName } from './output/filenames.js';
import { builtInTemplatesDir } from './paths.js';
import { resolve } from 'node:path';
import type { Answers } from './answers/schema.js';
import type { KnowledgeBase } from './knowledge/model.js';
import { buildPlanModel, type PlanModel } from './plan/model.js';
import {
  attachmentFormat,
  buildReportContext,
  defaultPrivacyThreshold,
  offeredDocuments,
  type RegisterInput,
} from './plan/report-model.js';
import type { OutputFile } from './output/atomic.js';
import { toolVersion } from './paths.js';
import { loadTemplates } from './templates/load.js';
import { renderTemplates } from './templates/render.js';
import { UserError } from './validation/problem.js';
import { writeDocx } from './writers/docx/index.js';
import { assertPdfCanShow } from './writers/pdf/coverage.js';
import { writePdf } from './writers/pdf/index.js';

export const formats = ['docx', 'pdf', 'md'] as const;
export type Format = (typeof formats)[number];

export const documentKinds = ['beleidsplan', 'rapportage', 'brief'] as const;
export type DocumentKind = (typeof documentKinds)[number];

const catalogueSchema = z.array(
  z.strictObject({ id: z.enum(documentKinds), naam: z.string(), omschrijving: z.string(), bestandsnaam: z.string() }),
);
export type DocumentCatalogue = z.infer<typeof catalogueSchema>;

/** The documents the tool can make, with their names and file name patterns (templates/documenten.yaml). */
export async function loadDocumentCatalogue(): Promise<DocumentCatalogue> {
  return catalogueSchema.parse(parseYaml(await readFile(join(builtInTemplatesDir, 'documenten.yaml'), 'utf8')));
}

/** File name without extension, e.g. "gemeente-voorbeeld-integriteitsbeleidsplan-2027-2030". */
export function baseFileName(catalogue: DocumentCatalogue, kind: DocumentKind, model: PlanModel): string {
  const pattern = catalogue.find((d) => d.id === kind)?.bestandsnaam ?? kind;
  const values: Record<string, string> = {
    organisatie: organisationFileName(model.organisatie.naam),
    van: String(model.planperiode.van),
    tot: String(model.planperiode.tot),
    verslagjaar: String(model.verslagjaar),
    datum: model.datum.iso,
  };
  return fileNamePart(pattern.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole));
}

export interface RenderedDocument {
  kind: DocumentKind;
  markdown: string;
  tree: DocumentTree;
}

/** Templates → Markdown → document tree, for one document. */
export async function renderDocument(
  kind: DocumentKind,
  model: object,
  templatesDir?: string,
): Promise<RenderedDocument> {
  const templates = await loadTemplates(kind, templatesDir);
  const markdown = renderTemplates(templates, model);
  return { kind, markdown, tree: markdownToDocument(markdown, templates.main.file) };
}

/** The document tree → the bytes of one format. */
export async function writeFormat(document: RenderedDocument, format: Format): Promise<Uint8Array> {
  switch (format) {
    case 'md':
      return new TextEncoder().encode(document.markdown);
    case 'docx':
      return writeDocx(document.tree);
    case 'pdf':
      assertPdfCanShow(document.tree, `het document "${document.kind}"`);
      return writePdf(document.tree);
  }
}

export function parseFormats(value: string): Format[] {
  const requested = value
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  const unknown = requested.filter((f) => !(formats as readonly string[]).includes(f));
  if (unknown.length > 0 || requested.length === 0) {
    throw new UserError(
      `Onbekend formaat "${unknown.join(', ')}" bij --formaten; kies uit: ${formats.join(', ')} (bijv. docx,pdf).`,
    );
  }
  return [...new Set(requested)] as Format[];
}

export interface GenerateRequest {
  answers: Answers;
  knowledge: KnowledgeBase;
  documents: readonly DocumentKind[];
  formats: readonly Format[];
  outputDir: string;
  /** The user's own template folder (--sjablonen); missing files fall back to the built-in ones. */
  templatesDir?: string;
  /** ISO date for answers without `datum`. */
  today: string;
  /** What the rapportage and the brief need besides the answers; default: no register, the default threshold. */
  report?: ReportRequest;
  /**
   * Called with a warning about what is being made, e.g. a report dated within its own year: in
   * Dutch, to follow "Let op: ".
   */
  onWarning?: (message: string) => void;
  /** Called before each file is made, e.g. for the wizard's progress lines. */
  onProgress?: (file: PlannedFile) => void;
}

export interface ReportRequest {
  /** Counts from 1 up to below this are suppressed as small; 0 or 1 turns suppression off. */
  privacyThreshold: number;
  /**
   * Reads the meldingen register (`genereer --meldingen`) for the verslagjaar of the plan model.
   * Called at most once, and only when a document shows its counts: the rapportage, or a brief
   * that offers it. Its presence alone makes a brief on its own offer the rapportage.
   */
  register?: (verslagjaar: number) => Promise<RegisterInput>;
}

export interface PlannedFile {
  kind: DocumentKind;
  format: Format;
  path: string;
}

/** The files generateDocuments will return, in the same order and without making them: to ask before overwriting. */
export async function plannedFiles(request: GenerateRequest): Promise<PlannedFile[]> {
  const model = buildPlanModel(request.answers, request.knowledge, { toolVersion, defaultDate: request.today });
  const catalogue = await loadDocumentCatalogue();
  return request.documents.flatMap((kind) =>
    request.formats.map((format) => ({
      kind,
      format,
      path: outputPath(request.outputDir, baseFileName(catalogue, kind, model), format),
    })),
  );
}

function outputPath(outputDir: string, baseName: string, format: Format): string {
  return resolve(outputDir, `${baseName}.${format}`);
}

/**
 * The one path from answers to files, shared by `genereer` and the wizard: plan model (+ the
 * rapportage's data, with the register's counts) → templates → Markdown → document tree →
 * writers. Returns the files; writing them is the caller's.
 */
export async function generateDocuments(request: GenerateRequest): Promise<OutputFile[]> {
  const { answers, knowledge, documents, formats } = request;
  const model = buildPlanModel(answers, knowledge, { toolVersion, defaultDate: request.today });
  const catalogue = await loadDocumentCatalogue();
  const bestanden = Object.fromEntries(documentKinds.map((kind) => [kind, baseFileName(catalogue, kind, model)]));

  const report = request.report ?? { privacyThreshold: defaultPrivacyThreshold };
  const offered = offeredDocuments(documents, answers.verslagjaar !== undefined || report.register !== undefined);
  let register: RegisterInput | undefined;
  if (offered.includes('rapportage')) {
    if (model.datum.iso <= `${model.verslagjaar}-12-31`) {
      request.onWarning?.(
        `de datum van de documenten (${model.datum.lang}) ligt niet na verslagjaar ${model.verslagjaar}. ` +
          'Pas "datum" in het antwoordenbestand aan, of laat die weg (dan geldt vandaag).',
      );
    }
    const { van, tot } = model.planperiode;
    if (model.verslagjaar < van) {
      request.onWarning?.(
        `het verslagjaar ${model.verslagjaar} ligt vóór de planperiode ${van}–${tot}, dus staan de maatregelen ` +
          'uit het plan in de rapportage als later gepland. Klopt het jaar niet, geef dan het juiste op met ' +
          '"verslagjaar" in het antwoordenbestand of met --jaar.',
      );
    }
    register = await report.register?.(model.verslagjaar);
  }
  const reportContext = buildReportContext(model, knowledge, {
    ...(register ? { register } : {}),
    threshold: report.privacyThreshold,
    offered,
    attachmentFormat: attachmentFormat(formats),
  });
  const context = { ...model, ...reportContext, bestanden };
  const files: OutputFile[] = [];
  for (const kind of request.documents) {
    const document = await renderDocument(kind, context, request.templatesDir);
    for (const format of request.formats) {
      const path = outputPath(request.outputDir, bestanden[kind] ?? kind, format);
      request.onProgress?.({ kind, format, path });
      files.push({ path, bytes: await writeFormat(document, format) });
    }
  }
  return files;
}
