import type { DocumentTree } from '../../document/tree.js';
import { documentDefinition } from './definition.js';
import { render } from './engine.js';

/**
 * Renders the document tree as an A4 PDF with embedded fonts, a title page, a table of contents with page
 * numbers, bookmarks, running header and footer, and document metadata. The same tree gives the same bytes.
 */
export async function writePdf(doc: DocumentTree): Promise<Uint8Array> {
  return render(documentDefinition(doc));
}
