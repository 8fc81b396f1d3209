import { installWordLayout, type LaidOutFont } from '../../../../../src/writers/pdf/engine/patches/word-layout.js';
import { pdfmakeDocument } from './pdfmake-parts.js';
import { reliesOn } from './relies-on.js';

/**
 * The internals of pdfkit that the word layout patch (word-layout.ts) relies on, on fonts of a PDFDocument of
 * pdfmake's made directly (without the patches): the patched layout gives what pdfkit's own gives.
 */
interface Doc {
  provideFont(family: string, bold: boolean, italics: boolean): LaidOutFont & { layoutCache?: object };
}

const texts = [
  'integriteit',
  'Een integriteitsbeleid dat gericht is op goed ambtelijk handelen: bewustzijn van integriteit. ',
  '  twee  spaties\tén een tab\t',
  ' ',
  '',
  'geschenken—en—belangen',
];

test('pdfkit’s EmbeddedFont.layout(text, features, onlyWidth): words from layoutCached after each space or tab, joined', () => {
  const font = pdfmakeDocument<Doc>().provideFont('Roboto', false, false);
  reliesOn(
    'EmbeddedFont.layout, layoutCached and layoutRun',
    ['layout', 'layoutCached', 'layoutRun'].every(
      (name) => typeof (font as unknown as Record<string, unknown>)[name] === 'function',
    ),
  );
  const asked: string[] = [];
  const layoutCached = font.layoutCached;
  font.layoutCached = function spy(this: LaidOutFont, text: string) {
    asked.push(text);
    return layoutCached.call(this, text);
  };
  font.layout('een twee\tdrie ');
  reliesOn(
    'EmbeddedFont.layout laying out the words after each space or tab with layoutCached',
    asked.join('|') === 'een |twee\t|drie ',
  );
});

test.each([false, true])(
  'the patched layout gives what pdfkit’s gives (onlyWidth: %s), words cached or not',
  (onlyWidth) => {
    const theirs = pdfmakeDocument<Doc>().provideFont('Roboto', true, false);
    const expected = texts.map((text) => theirs.layout(text, undefined, onlyWidth));
    const ours = pdfmakeDocument<Doc>().provideFont('Roboto', true, false);
    installWordLayout(ours);
    for (const round of [1, 2]) {
      const got = texts.map((text) => ours.layout(text, undefined, onlyWidth));
      const summary = (list: typeof got) =>
        list.map(({ glyphs, positions, advanceWidth }) => ({
          glyphs: glyphs?.map((glyph) => (glyph as { id: number }).id) ?? null,
          positions,
          advanceWidth,
        }));
      expect([round, summary(got)]).toEqual([round, summary(expected)]);
    }
  },
);

test('the patched layout hands a text with font features to layoutRun, as pdfkit does', () => {
  const font = pdfmakeDocument<Doc>().provideFont('Roboto', false, false);
  const expected = font.layout('office', ['liga']);
  installWordLayout(font);
  const got = font.layout('office', ['liga']);
  expect((got.glyphs ?? []).map((glyph) => (glyph as { id: number }).id)).toEqual(
    (expected.glyphs ?? []).map((glyph) => (glyph as { id: number }).id),
  );
  expect(got.advanceWidth).toBe(expected.advanceWidth);
});
