import { UserError } from '../../../../validation/problem.js';
import { pdfLibraries } from '../libraries.js';

/**
 * The internals of pdfmake and pdfkit that the patches in this folder rely on are those of these versions, which
 * package.json pins exactly: pdfkit as a dependency of its own and as an override of the range pdfmake asks for, so
 * that no install, with or without the lock, brings another one. With any other version, or an internal that is not
 * where the patches expect it, no PDF is made: a PDF without the patches would look the same but have other bytes,
 * be untagged (not accessible), larger and slower, and nobody would notice.
 */
export const PINNED = { pdfmake: '0.3.11', pdfkit: '0.19.1' } as const;

export type Versions = { pdfmake: string | undefined; pdfkit: string | undefined };

/**
 * A patch cannot apply: the message says which internal and what to do, in Dutch, for whoever runs the program. It
 * is a user-facing error (the CLI prints it and exits 1, without a stack trace): the installation is not as pinned.
 */
export class PatchError extends UserError {
  constructor(detail: string) {
    super(
      `De PDF kan niet gemaakt worden: ${detail}. integriteitsplan maakt toegankelijke PDF's (PDF/UA) met ` +
        `pdfmake ${PINNED.pdfmake} en pdfkit ${PINNED.pdfkit}, met aanpassingen van hun binnenwerk. Installeer de vastgelegde versies met ` +
        '"npm ci" (of, als ontwikkelaar: pas src/writers/pdf/engine/patches/ aan de nieuwe versies aan).',
    );
    this.name = 'PatchError';
  }
}

function versionOf(load: () => unknown): string | undefined {
  try {
    return (load() as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/**
 * The installed versions of pdfmake and of the pdfkit that pdfmake itself loads (resolved from pdfmake's own
 * folder, which finds a copy nested under pdfmake as well as a hoisted one).
 */
export function installedVersions(): Versions {
  const pdfmake = versionOf(() => pdfLibraries().pdfmakeManifest());
  const pdfkit = versionOf(() => pdfLibraries().pdfkitManifest());
  return { pdfmake, pdfkit };
}

/** Throws a PatchError unless the installed versions are the pinned ones. */
export function checkVersions(versions: Versions = installedVersions()): void {
  if (versions.pdfmake === PINNED.pdfmake && versions.pdfkit === PINNED.pdfkit) return;
  const shown = (version: string | undefined) => version ?? 'onbekend';
  throw new PatchError(
    `geïnstalleerd zijn pdfmake ${shown(versions.pdfmake)} en pdfkit ${shown(versions.pdfkit)}, ` +
      `niet pdfmake ${PINNED.pdfmake} en pdfkit ${PINNED.pdfkit}`,
  );
}

/** The prototype of one of pdfmake's internal classes (`pdfmake/js/<file>`) with the given methods, or a PatchError. */
export function internalPrototype<T extends object>(file: string, methods: readonly string[]): T {
  let proto: Record<string, unknown> | undefined;
  try {
    const exported = pdfLibraries().pdfmakeInternal(file) as { default?: { prototype?: Record<string, unknown> } };
    proto = exported.default?.prototype;
  } catch {
    proto = undefined;
  }
  if (proto === undefined) throw new PatchError(`pdfmake heeft geen klasse meer in js/${file}`);
  const missing = methods.filter((name) => typeof proto[name] !== 'function');
  if (missing.length > 0) throw new PatchError(`pdfmake heeft in js/${file} geen methode ${missing.join(', ')} meer`);
  return proto as T;
}

/** A patch met an internal that is not as it relies on, while drawing one of our own documents. */
export function internalChanged(internal: string): PatchError {
  return new PatchError(`${internal} is niet meer zoals de aanpassingen verwachten`);
}

/** The font files (virtual names) this writer registers: a document set in them is one of ours. */
const ownFonts = new Set<string>();

export function registerOwnFonts(files: Iterable<string>): void {
  for (const file of files) ownFonts.add(file);
}

interface FontTable {
  fonts?: Record<string, Record<string, unknown> | undefined>;
}

/**
 * Whether a pdfmake document (its PDFDocument) is one of this writer's: set in the fonts it registered. The patches
 * leave other pdfmake users in the process alone.
 */
export function isOwnDocument(pdfDocument: FontTable | undefined): boolean {
  const families = Object.values(pdfDocument?.fonts ?? {});
  return families.some((family) => Object.values(family ?? {}).some((file) => ownFonts.has(file as string)));
}

/** isOwnDocument, decided once per document (its fonts are set when pdfmake makes it), for hooks called per word. */
const ownDocuments = new WeakMap<object, boolean>();

export function isOwnDocumentCached(pdfDocument: object): boolean {
  let known = ownDocuments.get(pdfDocument);
  if (known === undefined) {
    known = isOwnDocument(pdfDocument as FontTable);
    ownDocuments.set(pdfDocument, known);
  }
  return known;
}
