import type { Inline } from '../../document/tree.js';
import { theme } from './theme.js';
import { unknownNode, type InlineHandler, type Run, type RunStyle, type State } from './state.js';

type InlineHandlers = { [K in Inline['type']]: InlineHandler<Extract<Inline, { type: K }>> };

/**
 * Appends a run, merging it into the previous one when both look the same (fewer objects to lay out). Runs of
 * one call share the same base text style, so comparing what inline markup changes is enough.
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
    a.background === b.background
  );
}

const handlers: InlineHandlers = {
  text: (node, _state, style, out) => push(out, node.value, style),
  lineBreak: (_node, _state, style, out) => push(out, '\n', style),
  strong: (node, state, style, out) => convertInto(node.children, state, { ...style, bold: true }, out),
  emphasis: (node, state, style, out) => convertInto(node.children, state, { ...style, italics: true }, out),
  link: (node, state, style, out) =>
    convertInto(node.children, state, { ...style, link: node.url, ...theme.link }, out),
  fillIn: (node, state, style, out) =>
    convertInto(node.children, state, { ...style, italics: true, ...theme.fillIn }, out),
};

function convertInto(nodes: readonly Inline[], state: State, style: RunStyle, out: Run[]): void {
  for (const node of nodes) {
    if (!Object.hasOwn(handlers, node.type)) throw unknownNode(node, state);
    (handlers[node.type] as InlineHandler)(node, state, style, out);
  }
}

/** Converts inline content into flat, merged runs for a pdfmake `text` array. */
export function convertInlines(nodes: readonly Inline[], state: State, style: RunStyle): Run[] {
  const out: Run[] = [];
  convertInto(nodes, state, style, out);
  return out;
}
