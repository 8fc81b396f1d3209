import { PINNED } from '../../../../../src/writers/pdf/engine/patches/internals.js';

/**
 * Fails with a message naming the internal of pdfmake or pdfkit that a patch relies on, when it is not as relied on:
 * after an update of either, the failing test says what to look at.
 */
export function reliesOn(internal: string, holds: boolean): void {
  if (!holds) {
    throw new Error(
      `The PDF patches rely on ${internal}, which is not so in the installed pdfmake/pdfkit ` +
        `(written for pdfmake ${PINNED.pdfmake}, pdfkit ${PINNED.pdfkit}): adapt src/writers/pdf/engine/patches/.`,
    );
  }
}
