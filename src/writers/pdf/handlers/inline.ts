import { plainText } from '../../../document/tree.js';
import { MARKING, textElement, type StructureElement } from '../engine/structure.js';
import { theme } from '../layout.js';
import type { InlineHandlers, Run, RunStyle } from '../state.js';

/**
 * Appends a run, merging it into the previous one when both look the same and belong to the same element (fewer
 * objects to lay out). Runs of one call share the same base text style, so comparing what inline markup changes is
 * enough.
 */
function push(out: Run[], text: string, style: RunStyle): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last !== undefined && sameStyle(last, style)) {
    last.text += text;
    return;
  }
  out.push({ ...style, text });
}

function sameStyle(a: RunStyle, b: RunStyle): boolean {
  return (
    a.bold === b.bold &&
    a.italics === b.italics &&
    a.link === b.link &&
    a.color === b.color &&
    a.decoration === b.decoration &&
    a.background === b.background &&
    a[MARKING] === b[MARKING]
  );
}

/** The element inline content belongs to: every block handler puts one on the style it passes down. */
function parentOf(style: RunStyle): StructureElement {
  const marking = style[MARKING];
  if (marking?.kind !== 'element') throw new Error('PDF writer: inline content outside a structure element');
  return marking;
}

/**
 * One handler per inline type: each adds its runs to `out`. A link is a Link element whose annotations say where it
 * leads in words (its text); a place to fill in is a Span, its highlight decoration.
 */
export const inlineHandlers: InlineHandlers = {
  text: (node, _state, style, out) => push(out, node.value, style),
  lineBreak: (_node, _state, style, out) => push(out, '\n', style),
  strong: (node, state, style, out) => void state.inlines(node.children, { ...style, bold: true }, out),
  emphasis: (node, state, style, out) => void state.inlines(node.children, { ...style, italics: true }, out),
  link: (node, state, style, out) => {
    const text = plainText(node.children).trim();
    const link = textElement('Link', parentOf(style), { annotationText: text === '' ? node.url : text });
    state.inlines(node.children, { ...style, link: node.url, ...theme.link, [MARKING]: link }, out);
  },
  fillIn: (node, state, style, out) => {
    const span = textElement('Span', parentOf(style));
    state.inlines(node.children, { ...style, italics: true, ...theme.fillIn, [MARKING]: span }, out);
  },
};
