import type { Token } from 'markdown-it';
import { z } from 'zod';
import { normalizeDocument } from '../document/normalize.js';
import type { SourceBlock, SourceListItemBlock, SourceTree } from '../document/source.js';
import { templateError } from '../document/template-error.js';
import {
  plainText,
  type DocumentMeta,
  type DocumentTree,
  type Inline,
  type PageNumberPart,
  type Position,
} from '../document/tree.js';
import { UserError } from '../validation/problem.js';
import { parseYaml, validate } from '../validation/yaml.js';
import { parseMarkdown } from './parse.js';

/*
 * The Markdown conventions the templates use beyond CommonMark + GFM tables:
 *   front matter      the document's properties (titel, onderwerp, auteur, …), see metaSchema
 *   :::titelpagina    the title page: its `#` heading is the title, a `##` the subtitle, each
 *                     paragraph a line
 *   ::inhoudsopgave[Inhoud]   the table of contents, with its title
 *   ::paginaeinde     a page break
 *   :invullen[tekst]  a place the organisation fills in itself
 *   paginanummer      the footer's page number, with {pagina} and {totaal}, e.g. "Pagina {pagina} van {totaal}"
 */

const metaSchema = z.strictObject({
  titel: z.string(),
  onderwerp: z.string(),
  auteur: z.string(),
  trefwoorden: z.string().default(''),
  taal: z.string().default('nl-NL'),
  datum: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  koptekst: z.string(),
  voettekst: z.string(),
  paginanummer: z.string(),
});

/** Pure: Markdown from the templates → the document tree the writers render (read, then normalised). */
export function markdownToDocument(markdown: string, source: string): DocumentTree {
  return normalizeDocument(readMarkdown(markdown, source), source);
}

/** Pure: Markdown from the templates → the source tree, as written: page breaks are still markers. */
export function readMarkdown(markdown: string, source: string): SourceTree {
  const parsed = parseMarkdown(markdown);
  if (parsed.frontMatter === undefined)
    throw new UserError(`${source}: het document begint niet met front matter (---)`);
  const reader = new TokenReader(parsed.tokens, source);
  return { meta: meta(parsed.frontMatter, source), children: reader.blocks() };
}

/** "Pagina {pagina} van {totaal}" → text, the page number, text, the number of pages. */
function pageNumberParts(pattern: string): PageNumberPart[] {
  return pattern
    .split(/(\{pagina\}|\{totaal\})/)
    .filter((part) => part !== '')
    .map((part): PageNumberPart => {
      if (part === '{pagina}') return { type: 'pageNumber' };
      if (part === '{totaal}') return { type: 'pageCount' };
      return { type: 'text', value: part };
    });
}

function meta(yaml: string, source: string): DocumentMeta {
  // The shared YAML reader: its messages are Dutch and name the key (lines count from the first ---).
  const parsed = parseYaml(yaml, `${source} (front matter)`);
  if (!parsed.ok)
    throw new UserError(`${source}: de front matter (tussen de regels ---) is geen geldige YAML.`, parsed.problems);
  const result = validate(parsed.value, metaSchema);
  if (!result.ok) throw new UserError(`${source}: de front matter is onvolledig of onjuist.`, result.problems);
  // Values may hold escaped user text: read them as Markdown and keep the plain text.
  const text = (value: string) => {
    const inline = parseMarkdown(value).tokens.find((t) => t.type === 'inline');
    return inline ? plainText(new TokenReader(inline.children ?? [], source).inlines()) : value;
  };
  const m = result.value;
  return {
    title: text(m.titel),
    subject: text(m.onderwerp),
    author: text(m.auteur),
    keywords: text(m.trefwoorden)
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    language: m.taal,
    date: new Date(`${m.datum}T00:00:00Z`),
    header: text(m.koptekst),
    footer: text(m.voettekst),
    pageNumber: pageNumberParts(text(m.paginanummer)),
  };
}

/** Walks markdown-it's flat token list (open/close pairs) and builds the nested tree. */
class TokenReader {
  private index = 0;
  private readonly usedIds = new Set<string>();

  constructor(
    private readonly tokens: readonly Token[],
    private readonly source: string,
  ) {}

  private fail(token: Token | undefined, message: string): never {
    throw templateError(this.source, token?.map ? token.map[0] + 1 : undefined, message);
  }

  private next(): Token {
    const token = this.tokens[this.index++];
    if (!token) this.fail(this.tokens.at(-1), 'de Markdown houdt onverwacht op');
    return token;
  }

  private expect(type: string): Token {
    const token = this.next();
    if (token.type !== type) this.fail(token, `verwacht ${type}, gevonden ${token.type}`);
    return token;
  }

  /** Blocks until the end, or until a closing token of the given type (which is consumed). */
  blocks(until?: string): SourceBlock[] {
    const blocks: SourceBlock[] = [];
    while (this.index < this.tokens.length) {
      if (until && this.tokens[this.index]!.type === until) {
        this.index++;
        return blocks;
      }
      blocks.push(...this.block());
    }
    if (until) this.fail(this.tokens.at(-1), `${until} ontbreekt`);
    return blocks;
  }

  private block(): SourceBlock[] {
    const token = this.next();
    const position: Position | undefined = token.map ? { line: token.map[0] + 1 } : undefined;
    switch (token.type) {
      case 'heading_open': {
        const level = Number(token.tag.slice(1));
        if (level > 3) this.fail(token, `koppen gaan tot niveau 3 (###), niet ${'#'.repeat(level)}`);
        const children = this.inlineContent();
        this.expect('heading_close');
        return [
          { type: 'heading', level: level as 1 | 2 | 3, id: this.headingId(plainText(children)), children, position },
        ];
      }
      case 'paragraph_open': {
        const children = this.inlineContent();
        this.expect('paragraph_close');
        return [{ type: 'paragraph', children, position }];
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const close = token.type.replace('_open', '_close');
        const items: SourceListItemBlock[][] = [];
        while (this.tokens[this.index]?.type === 'list_item_open') {
          this.index++;
          items.push(this.listItem());
        }
        this.expect(close);
        return [{ type: 'list', ordered: token.type === 'ordered_list_open', items, position }];
      }
      case 'table_open':
        return [this.table(position)];
      case 'hr':
        return this.fail(
          token,
          'een scheidingslijn (---, *** of ___) wordt niet ondersteund in documenten: gebruik ::paginaeinde voor ' +
            'een nieuwe pagina, of # voor een kop (tekst met --- eronder is hier geen kop)',
        );
      case 'leaf_directive':
        return [this.leafDirective(token, position)];
      case 'container_titelpagina_open':
        return [this.titlePage(token, position)];
      case 'front_matter':
        return [];
      default:
        return this.fail(token, `dit soort Markdown ("${token.type}") wordt niet ondersteund in documenten`);
    }
  }

  /** A list item holds paragraphs, lists and page breaks; anything else is a mistake in the template. */
  private listItem(): SourceListItemBlock[] {
    const blocks: SourceListItemBlock[] = [];
    while (this.tokens[this.index]?.type !== 'list_item_close') {
      const opener = this.tokens[this.index];
      if (!opener) this.fail(this.tokens.at(-1), 'list_item_close ontbreekt');
      for (const block of this.block()) {
        if (block.type !== 'paragraph' && block.type !== 'list' && block.type !== 'pageBreak') {
          const name = NOT_IN_LISTS[block.type];
          this.fail(opener, `in een lijst staan alleen tekst en lijsten, geen ${name}; zet de ${name} na de lijst`);
        }
        blocks.push(block);
      }
    }
    this.index++;
    return blocks;
  }

  private table(position: Position | undefined): SourceBlock {
    const align: ('left' | 'center' | 'right' | null)[] = [];
    const rows: Inline[][][] = [];
    let header: Inline[][] = [];
    for (let token = this.next(); token.type !== 'table_close'; token = this.next()) {
      if (token.type === 'tr_open') rows.push([]);
      else if (token.type === 'th_open' || token.type === 'td_open') {
        if (token.type === 'th_open') align.push(cellAlign(token));
        rows.at(-1)!.push(this.inlineContent());
      } else if (token.type === 'thead_close') header = rows.pop() ?? [];
    }
    return { type: 'table', align, header, rows, position };
  }

  private leafDirective(token: Token, position: Position | undefined): SourceBlock {
    switch (token.info) {
      case 'inhoudsopgave':
        if (!token.content)
          this.fail(token, 'de inhoudsopgave heeft een titel nodig, bijvoorbeeld ::inhoudsopgave[Inhoud]');
        return { type: 'tableOfContents', title: token.content, position };
      case 'paginaeinde':
        return { type: 'pageBreak', position };
      default:
        return this.fail(token, `onbekende opdracht ::${token.info}; bekend zijn ::inhoudsopgave en ::paginaeinde`);
    }
  }

  private titlePage(open: Token, position: Position | undefined): SourceBlock {
    let title = '';
    let subtitle: string | undefined;
    const lines: Inline[][] = [];
    for (const block of this.blocks('container_titelpagina_close')) {
      if (block.type === 'heading' && block.level === 1) title = plainText(block.children);
      else if (block.type === 'heading' && block.level === 2) subtitle = plainText(block.children);
      else if (block.type === 'paragraph') lines.push(block.children);
      else this.fail(open, 'op de titelpagina staan alleen een # titel, een ## ondertitel en losse regels');
    }
    if (!title) this.fail(open, 'de titelpagina heeft geen # titel');
    return { type: 'titlePage', title, ...(subtitle ? { subtitle } : {}), lines, position };
  }

  /** The `inline` token that follows a block opener, as tree inlines. */
  private inlineContent(): Inline[] {
    const token = this.next();
    if (token.type !== 'inline') {
      this.index--;
      return [];
    }
    return new TokenReader(token.children ?? [], this.source).inlines(token);
  }

  inlines(parent?: Token, until?: string): Inline[] {
    const inlines: Inline[] = [];
    while (this.index < this.tokens.length) {
      const token = this.next();
      if (until && token.type === until) return mergeTexts(inlines);
      inlines.push(...this.inline(token, parent));
    }
    if (until) this.fail(parent, `${until} ontbreekt`);
    return mergeTexts(inlines);
  }

  private inline(token: Token, parent: Token | undefined): Inline[] {
    switch (token.type) {
      case 'text':
      case 'code_inline':
        return [{ type: 'text', value: token.content }];
      case 'softbreak':
        return [{ type: 'text', value: ' ' }];
      case 'hardbreak':
        return [{ type: 'lineBreak' }];
      case 'strong_open':
        return [{ type: 'strong', children: this.inlines(parent, 'strong_close') }];
      case 'em_open':
        return [{ type: 'emphasis', children: this.inlines(parent, 'em_close') }];
      case 'link_open':
        return [
          { type: 'link', url: String(token.attrGet('href') ?? ''), children: this.inlines(parent, 'link_close') },
        ];
      case 'text_directive_open':
        if (token.info !== 'invullen') this.fail(parent, `onbekende opdracht :${token.info}; bekend is :invullen[…]`);
        return [{ type: 'fillIn', children: this.inlines(parent, 'text_directive_close') }];
      default:
        return this.fail(parent, `dit soort Markdown ("${token.type}") wordt niet ondersteund in een alinea`);
    }
  }

  /** ASCII slug, unique in the document, for bookmarks and anchors. */
  private headingId(text: string): string {
    const base =
      text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'kop';
    let id = base;
    for (let n = 2; this.usedIds.has(id); n++) id = `${base}-${n}`;
    this.usedIds.add(id);
    return id;
  }
}

/** Dutch names of the blocks a list item may not hold, for the error that says so. */
const NOT_IN_LISTS: Record<Exclude<SourceBlock['type'], SourceListItemBlock['type']>, string> = {
  heading: 'kop',
  table: 'tabel',
  tableOfContents: 'inhoudsopgave',
  titlePage: 'titelpagina',
};

function cellAlign(token: Token): 'left' | 'center' | 'right' | null {
  const match = /text-align:(left|center|right)/.exec(String(token.attrGet('style') ?? ''));
  return (match?.[1] as 'left' | 'center' | 'right' | undefined) ?? null;
}

/** Adjacent text nodes (split by escapes and delimiters) become one; empty ones go. */
function mergeTexts(inlines: Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const node of inlines) {
    if (node.type === 'text' && node.value === '') continue;
    const previous = merged.at(-1);
    if (node.type === 'text' && previous?.type === 'text') previous.value += node.value;
    else merged.push(node);
  }
  return merged;
}
