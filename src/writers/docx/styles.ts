import { AlignmentType, LevelFormat, LineRuleType } from 'docx';
import type { ILevelsOptions, INumberingOptions, IParagraphStyleOptions, IStylesOptions } from 'docx';
import {
  ACCENT_COLOR,
  BODY,
  FONT,
  HEADINGS,
  LIST_INDENT,
  LIST_ITEM,
  MUTED_COLOR,
  SECOND_COLOR,
  SMALL_SIZE,
  SUBTITLE,
  TEXT_WIDTH,
  TITLE,
  TOC_ENTRIES,
  TOC_HEADING,
} from './layout.js';
import type { TextMetrics } from './layout.js';

/** Numbering references of the two list kinds; every list instance restarts its own numbers. */
export const BULLET_LIST = 'bullet-list';
export const ORDERED_LIST = 'ordered-list';

/** Style ids of Word's built-in styles that are not in docx's defaults. */
export const SUBTITLE_STYLE = 'Subtitle';
export const TOC_HEADING_STYLE = 'TOCHeading';
export const HEADER_STYLE = 'Header';
export const FOOTER_STYLE = 'Footer';

const LEVELS = [0, 1, 2, 3, 4, 5, 6, 7, 8];

const run = (m: TextMetrics, color?: string) => ({ font: FONT, size: m.size, bold: m.bold || undefined, color });
/** Spacing with the style's exact line height. */
export const spacing = (m: TextMetrics) => ({
  before: m.before,
  after: m.after,
  line: m.line,
  lineRule: LineRuleType.EXACT,
});

/** Word's built-in names, so Word shows these styles under their localised names. */
const builtIn = (
  id: string,
  name: string,
  rest: Omit<IParagraphStyleOptions, 'id' | 'name'>,
): IParagraphStyleOptions => ({
  id,
  name,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  ...rest,
});

const heading = (level: 1 | 2 | 3, color: string) => ({
  run: run(HEADINGS[level], color),
  paragraph: { spacing: spacing(HEADINGS[level]), keepNext: true, keepLines: true, outlineLevel: level - 1 },
});

const tocLevel = (level: 1 | 2 | 3): IParagraphStyleOptions =>
  builtIn(`TOC${level}`, `toc ${level}`, {
    run: { bold: TOC_ENTRIES[level].bold || undefined },
    paragraph: { spacing: spacing(TOC_ENTRIES[level]), indent: { left: (level - 1) * LIST_INDENT } },
  });

/** Styles of the whole document; the language comes from the tree. */
export function documentStyles(language: string): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: FONT, size: BODY.size, language: { value: language } },
        paragraph: { spacing: spacing(BODY) },
      },
      title: { run: run(TITLE, ACCENT_COLOR), paragraph: { spacing: spacing(TITLE) } },
      heading1: heading(1, ACCENT_COLOR),
      heading2: heading(2, SECOND_COLOR),
      heading3: heading(3, ACCENT_COLOR),
      listParagraph: { paragraph: { spacing: spacing(LIST_ITEM) } },
    },
    paragraphStyles: [
      builtIn(SUBTITLE_STYLE, 'Subtitle', {
        run: run(SUBTITLE, SECOND_COLOR),
        paragraph: { spacing: spacing(SUBTITLE) },
      }),
      builtIn(TOC_HEADING_STYLE, 'TOC Heading', {
        run: run(TOC_HEADING, ACCENT_COLOR),
        paragraph: { spacing: spacing(TOC_HEADING), keepNext: true },
      }),
      tocLevel(1),
      tocLevel(2),
      tocLevel(3),
      builtIn(HEADER_STYLE, 'header', {
        run: { size: SMALL_SIZE, color: MUTED_COLOR },
        paragraph: { spacing: { after: 0, line: 240 } },
      }),
      builtIn(FOOTER_STYLE, 'footer', {
        run: { size: SMALL_SIZE, color: MUTED_COLOR },
        paragraph: { spacing: { after: 0, line: 240 }, rightTabStop: TEXT_WIDTH },
      }),
    ],
  };
}

const level = (index: number, format: ILevelsOptions['format'], text: string): ILevelsOptions => ({
  level: index,
  format,
  text,
  alignment: AlignmentType.LEFT,
  style: { paragraph: { indent: { left: (index + 1) * LIST_INDENT, hanging: LIST_INDENT } } },
});

const ORDERED_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN] as const;

/** Bullets alternate between a bullet and a dash; numbers between 1., a. and i. */
export function documentNumbering(): INumberingOptions {
  return {
    config: [
      {
        reference: BULLET_LIST,
        levels: LEVELS.map((i) => level(i, LevelFormat.BULLET, i % 2 === 0 ? '\u2022' : '\u2013')),
      },
      {
        reference: ORDERED_LIST,
        levels: LEVELS.map((i) => level(i, ORDERED_FORMATS[i % 3], `%${i + 1}.`)),
      },
    ],
  };
}
