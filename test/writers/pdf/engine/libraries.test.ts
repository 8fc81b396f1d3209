import { createRequire } from 'node:module';
import { pdfLibraries } from '../../../../src/writers/pdf/engine/libraries.js';

/*
 * Run as modules (no bundle), the PDF writer and its patches get pdfmake, pdfkit and fontkit from node_modules: the
 * very modules pdfmake itself loads, so a patch of one of them is a patch of what draws the PDF.
 */

const require = createRequire(import.meta.url);
const fromPdfmake = createRequire(require.resolve('pdfmake/package.json'));

test('are the modules pdfmake itself loads', () => {
  const libraries = pdfLibraries();
  expect(libraries.pdfmake()).toBe(require('pdfmake'));
  expect(libraries.pdfmakeInternal('Renderer.js')).toBe(require('pdfmake/js/Renderer.js'));
  expect(libraries.pdfkit()).toBe(fromPdfmake('pdfkit'));
  expect(libraries.fontkit()).toBe(createRequire(fromPdfmake.resolve('pdfkit'))('fontkit'));
  expect(libraries.pdfmakeManifest()).toMatchObject({ name: 'pdfmake' });
  expect(libraries.pdfkitManifest()).toMatchObject({ name: 'pdfkit' });
  // Once per process: always the same set.
  expect(pdfLibraries()).toBe(libraries);
});
