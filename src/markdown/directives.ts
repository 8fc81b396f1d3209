import type { MarkdownIt, StateBlock, StateInline } from 'markdown-it';

/**
 * The two directive forms of our templates that markdown-it does not know, in the syntax of the
 * generic directives proposal (also used by remark-directive):
 *   ::name[label]   a block of its own, e.g. ::inhoudsopgave[Inhoud] or ::paginaeinde
 *   :name[text]     inline, e.g. :invullen[Beschrijf hier de visie]
 * The `:::name` container form comes from markdown-it-container.
 */
export function directives(md: MarkdownIt): void {
  md.block.ruler.before('paragraph', 'leaf_directive', leafDirective);
  md.inline.ruler.before('link', 'text_directive', textDirective);
}

const leafPattern = /^::([a-z][a-z0-9-]*)(?:\[([^\]]*)\])?\s*$/;

function leafDirective(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const line = state.src.slice(start, state.eMarks[startLine]);
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const match = leafPattern.exec(line);
  if (!match) return false;
  if (silent) return true;
  const token = state.push('leaf_directive', '', 0);
  token.info = match[1]!;
  token.content = match[2] ?? '';
  token.map = [startLine, startLine + 1];
  token.block = true;
  state.line = startLine + 1;
  return true;
}

function textDirective(state: StateInline, silent: boolean): boolean {
  const { pos, src } = state;
  if (src.charCodeAt(pos) !== 0x3a /* : */ || (pos > 0 && src.charCodeAt(pos - 1) === 0x3a)) return false;
  const name = /^:([a-z][a-z0-9-]*)\[/.exec(src.slice(pos, pos + 40));
  if (!name) return false;
  const labelStart = pos + name[0].length;
  const labelEnd = state.md.helpers.parseLinkLabel(state, labelStart - 1, false);
  if (labelEnd < 0) return false;
  if (!silent) {
    const open = state.push('text_directive_open', '', 1);
    open.info = name[1]!;
    const oldMax = state.posMax;
    state.pos = labelStart;
    state.posMax = labelEnd;
    state.md.inline.tokenize(state);
    state.posMax = oldMax;
    state.push('text_directive_close', '', -1).info = name[1]!;
  }
  state.pos = labelEnd + 1;
  return true;
}
