import { ExternalHyperlink, TextRun } from 'docx';
import { cleanText } from '../clean-text.js';
import type { InlineHandlers } from '../state.js';

/** Markdown soft line breaks arrive as newlines inside text: they are spaces. */
const softBreaks = /[ \t]*\r?\n[ \t]*/g;

/** Only absolute links become hyperlinks; anything else (a relative path, an anchor) stays plain text. */
const EXTERNAL = /^(https?:|mailto:)/i;

export const inlineHandlers: InlineHandlers = {
  text: (node, _state, format) => [
    new TextRun({
      ...format,
      text: cleanText(node.value.includes('\n') ? node.value.replace(softBreaks, ' ') : node.value),
    }),
  ],
  strong: (node, state, format) => state.inlines(node.children, { ...format, bold: true }),
  emphasis: (node, state, format) => state.inlines(node.children, { ...format, italics: true }),
  lineBreak: (_node, _state, format) => [new TextRun({ ...format, break: 1 })],
  // Something the officer replaces: it must stand out on screen and on paper.
  fillIn: (node, state, format) => state.inlines(node.children, { ...format, italics: true, highlight: 'yellow' }),
  link: (node, state, format) => {
    if (state.inLink || !EXTERNAL.test(node.url)) return state.inlines(node.children, format);
    state.inLink = true;
    try {
      const children = state.inlines(node.children, { ...format, style: 'Hyperlink' });
      return [new ExternalHyperlink({ link: node.url, children })];
    } finally {
      state.inLink = false;
    }
  },
};
