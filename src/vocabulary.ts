import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { fileNamePart, organisationFileName } from './output/filenames.js';
import { builtInTemplatesDir } from './paths.js';

/*
 * The words every stage shares: which documents and formats exist, what the documents are called
 * and how their files are named. A leaf: it imports no stage, so every stage may import it.
 */

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

/** The values a file name pattern may use: `{organisatie}`, `{van}`, `{tot}`, `{verslagjaar}`, `{datum}`. */
export interface FileNameValues {
  /** The organisation's name as the user wrote it; made safe here. */
  organisatie: string;
  van: number;
  tot: number;
  verslagjaar: number;
  /** ISO date of the documents. */
  datum: string;
}

/** File name without extension, e.g. "gemeente-voorbeeld-integriteitsbeleidsplan-2027-2030". */
export function baseFileName(catalogue: DocumentCatalogue, kind: DocumentKind, values: FileNameValues): string {
  const pattern = catalogue.find((d) => d.id === kind)?.bestandsnaam ?? kind;
  const parts: Record<string, string> = {
    organisatie: organisationFileName(values.organisatie),
    van: String(values.van),
    tot: String(values.tot),
    verslagjaar: String(values.verslagjaar),
    datum: values.datum,
  };
  return fileNamePart(pattern.replace(/\{(\w+)\}/g, (whole, key: string) => parts[key] ?? whole));
}
