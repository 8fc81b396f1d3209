import { resolve } from 'node:path';
import type { Answers } from './answers/schema.js';
import type { DocumentTree } from './document/tree.js';
import type { KnowledgeBase } from './knowledge/model.js';
import { countFillIns } from './document/fill-ins.js';
import type { OutputFile } from './output/atomic.js';
import { toolVersion } from './paths.js';
import { buildPlanModel, type PlanModel } from './plan/model.js';
import { buildReportContext, defaultPrivacyThreshold, type RegisterInput } from './plan/report-model.js';
import {
  adoptedPlanWarnings,
  attachmentFormat,
  documentWarnings,
  offeredDocuments,
  reportRequested,
  showsReport,
  trendYears,
} from './plan/rules.js';
import type { DocumentWarning } from './plan/warnings.js';
import type { RegisterScope } from './register/index.js';
import { cachedSpecValues, compiledTemplates } from './templates/cached.js';
import { renderTemplates } from './templates/render.js';
import {
  baseFileName,
  documentKinds,
  loadDocumentCatalogue,
  type DocumentCatalogue,
  type DocumentKind,
  type FileNameValues,
  type Format,
} from './vocabulary.js';

/*
 * The one path from answers to files, shared by `genereer` and the wizard. Only the order of the
 * stages lives here: what the documents hold is decided in plan/, what they are called in vocabulary.ts.
 */

export interface RenderedDocument {
  kind: DocumentKind;
  markdown: string;
  /**
   * The document tree, built (with markdown-it) on the first call and kept for the other formats: only the writers
   * and the count of fill-ins need it, Markdown output does without.
   */
  tree: () => Promise<DocumentTree>;
}

/** Templates → Markdown, for one document; the tree from it on demand. */
export async function renderDocument(
  kind: DocumentKind,
  model: object,
  templatesDir?: string,
): Promise<RenderedDocument> {
  const templates = await compiledTemplates(kind, templatesDir);
  const code = cachedSpecValues(kind, templates);
  const markdown = renderTemplates(templates, model, code.values);
  code.keep();
  let tree: Promise<DocumentTree> | undefined;
  const document: RenderedDocument = {
    kind,
    markdown,
    tree: () =>
      (tree ??= import('./markdown/to-document.js').then(({ markdownToDocument }) =>
        markdownToDocument(markdown, templates.main.file),
      )),
  };
  // The user's own templates (--sjablonen) are read as the writers read them whatever the formats, so that a
  // template a DOCX or PDF would refuse is refused for Markdown too; the built-in ones are checked by the tests.
  if (templatesDir !== undefined) await document.tree();
  return document;
}

/**
 * The document tree → the bytes of one format; `pdfa`: the PDF also as PDF/A-2a (answers key `pdfa`). A writer
 * (and its library) is loaded only when its format is asked.
 */
export async function writeFormat(
  document: RenderedDocument,
  format: Format,
  options: { pdfa?: boolean } = {},
): Promise<Uint8Array> {
  switch (format) {
    case 'md':
      return new TextEncoder().encode(document.markdown);
    case 'docx':
      return (await import('./writers/docx/index.js')).writeDocx(await document.tree());
    case 'pdf': {
      const tree = await document.tree();
      (await import('./writers/pdf/coverage.js')).assertPdfCanShow(tree, `het document "${document.kind}"`);
      return (await import('./writers/pdf/index.js')).writePdf(tree, { pdfa: options.pdfa ?? false });
    }
  }
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
  /** Called before each file is made, e.g. for the wizard's progress lines. */
  onProgress?: (file: PlannedFile) => void;
}

export interface ReportRequest {
  /** Counts from 1 up to below this are suppressed as small; 0 or 1 turns suppression off. */
  privacyThreshold: number;
  /**
   * Reads the meldingen register (`genereer --meldingen`) for the years of the report's trend (the
   * verslagjaar last) in the typology of the organisation type. Called at most once, and only when
   * a document shows its counts: the rapportage, or a brief that offers it. Its presence alone makes
   * a brief on its own offer the rapportage.
   */
  register?: (scope: RegisterScope) => Promise<RegisterInput>;
}

export interface PlannedFile {
  kind: DocumentKind;
  format: Format;
  path: string;
}

export interface Generated {
  files: OutputFile[];
  /** What is odd about these documents; the caller shows them ("Let op: …"). */
  warnings: DocumentWarning[];
}

/** The files generateDocuments will return, in the same order and without making them: to ask before overwriting. */
export async function plannedFiles(request: GenerateRequest): Promise<PlannedFile[]> {
  const model = planModel(request);
  const names = fileNames(await loadDocumentCatalogue(), model);
  return request.documents.flatMap((kind) =>
    request.formats.map((format) => ({ kind, format, path: outputPath(request.outputDir, names[kind], format) })),
  );
}

/**
 * Plan model (+ the rapportage's data, with the register's counts) → templates → Markdown →
 * document tree → writers. Returns the files and the warnings; writing and showing them is the caller's.
 */
export async function generateDocuments(request: GenerateRequest): Promise<Generated> {
  const { answers, knowledge, documents, formats } = request;
  const model = planModel(request);
  const bestanden = fileNames(await loadDocumentCatalogue(), model);

  const report = request.report ?? { privacyThreshold: defaultPrivacyThreshold };
  const registerGiven = report.register !== undefined;
  const aboutReportYear = reportRequested(answers, registerGiven);
  const warnings = [
    ...documentWarnings(answers, { documents, registerGiven, today: request.today }),
    ...model.waarschuwingen,
  ];
  const scope = { years: trendYears(model.verslagjaar), organisationType: answers.organisatie.type };
  const register = showsReport(documents, aboutReportYear) ? await report.register?.(scope) : undefined;
  const reportContext = buildReportContext(model, answers, knowledge, {
    ...(register ? { register } : {}),
    threshold: report.privacyThreshold,
    offered: offeredDocuments(documents, aboutReportYear),
    attachmentFormat: attachmentFormat(formats),
  });
  const context = { ...model, ...reportContext, bestanden };
  const files: OutputFile[] = [];
  for (const kind of documents) {
    const document = await renderDocument(kind, context, request.templatesDir);
    warnings.push(
      ...(await adoptedPlanWarnings(kind, model.vastgesteld, async () => countFillIns(await document.tree()))),
    );
    for (const format of formats) {
      const path = outputPath(request.outputDir, bestanden[kind], format);
      request.onProgress?.({ kind, format, path });
      files.push({ path, bytes: await writeFormat(document, format, { pdfa: answers.pdfa ?? false }) });
    }
  }
  return { files, warnings };
}

function planModel(request: GenerateRequest): PlanModel {
  return buildPlanModel(request.answers, request.knowledge, { toolVersion, defaultDate: request.today });
}

/** Every document's file name, also of those not made: the cover letter names its attachments. */
function fileNames(catalogue: DocumentCatalogue, model: PlanModel): Record<DocumentKind, string> {
  const values: FileNameValues = {
    organisatie: model.organisatie.naam,
    van: model.planperiode.van,
    tot: model.planperiode.tot,
    verslagjaar: model.verslagjaar,
    datum: model.datum.iso,
  };
  return Object.fromEntries(documentKinds.map((kind) => [kind, baseFileName(catalogue, kind, values)])) as Record<
    DocumentKind,
    string
  >;
}

function outputPath(outputDir: string, baseName: string, format: Format): string {
  return resolve(outputDir, `${baseName}.${format}`);
}
