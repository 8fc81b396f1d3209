import type { Block } from '../../../src/document/tree.js';
import { blockHandlers } from '../../../src/writers/docx/handlers/index.js';
import type { BlockHandlers } from '../../../src/writers/docx/state.js';

test('every block type has a handler that renders it and measures it for the page estimate', () => {
  const types: Block['type'][] = ['titlePage', 'tableOfContents', 'heading', 'paragraph', 'list', 'table'];
  expect(Object.keys(blockHandlers).sort()).toEqual([...types].sort());
  for (const [type, handler] of Object.entries(blockHandlers)) {
    expect({ type, render: typeof handler.render, measure: typeof handler.measure }).toEqual({
      type,
      render: 'function',
      measure: 'function',
    });
  }
});

test('a handler without its page estimate does not compile (checked by tsc --noEmit)', () => {
  // @ts-expect-error: `measure` is missing.
  const withoutMeasure: BlockHandlers['paragraph'] = { render: () => [] };
  expect(withoutMeasure).not.toHaveProperty('measure');
});
