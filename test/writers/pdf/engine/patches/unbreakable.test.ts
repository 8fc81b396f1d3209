import { internalPrototype } from '../../../../../src/writers/pdf/engine/patches/internals.js';
import { render } from '../../../../../src/writers/pdf/engine/pdfmake.js';
import { reliesOn } from './relies-on.js';

/**
 * The internals of pdfmake that the unbreakable check (unbreakable.ts) relies on, and the fault it is there for: an
 * unbreakable block taller than a page is silently left out. Content without structure (as here) is left to pdfmake;
 * that the writer lays a table out again instead is keep-with-next.test.ts's ("loses nothing").
 */

interface Renderer {
  renderPages(this: Renderer, pages: { items: { item: { inlines?: { text: string }[] } }[] }[]): void;
}

interface PageElementWriter {
  addFragment(this: PageElementWriter, fragment: { items: unknown[] }, ...rest: unknown[]): unknown;
}

test('pdfmake’s commitUnbreakableBlock places a block with addFragment, which returns false when the block fits on no page and leaves it out', async () => {
  const writer = internalPrototype<PageElementWriter>('PageElementWriter.js', [
    'addFragment',
    'commitUnbreakableBlock',
  ]);
  const addFragment = writer.addFragment;
  const results: unknown[] = [];
  writer.addFragment = function spy(this: PageElementWriter, fragment, ...rest) {
    const result = addFragment.call(this, fragment, ...rest);
    results.push(result);
    return result;
  };
  const renderer = internalPrototype<Renderer>('Renderer.js', ['renderPages']);
  const renderPages = renderer.renderPages;
  const drawn: string[] = [];
  renderer.renderPages = function spy(this: Renderer, pages) {
    for (const page of pages)
      for (const { item } of page.items) for (const word of item.inlines ?? []) drawn.push(word.text);
    renderPages.call(this, pages);
  };
  const words = Array.from({ length: 2500 }, (_, i) => `woord${i + 1}`).join(' ');
  try {
    await render({ content: [{ text: 'ervoor' }, { stack: [{ text: words }], unbreakable: true }, { text: 'erna' }] });
  } finally {
    writer.addFragment = addFragment;
    renderer.renderPages = renderPages;
  }
  reliesOn('addFragment returning false for a block taller than a page', results.includes(false));
  const text = drawn.join(' ');
  reliesOn(
    'the block left out, the rest drawn',
    text.includes('ervoor') && text.includes('erna') && !text.includes('woord'),
  );
});
