import Handlebars from 'handlebars';
import { joinList } from '../text/list.js';
import { UserError } from '../validation/problem.js';
import { escapeMarkdown, markdownLinkDestination } from './escape.js';
import type { TemplateFile, TemplateSet } from './load.js';
import { numberInWords } from './number-words.js';

type Ast = hbs.AST.Program;
type Node = hbs.AST.Node;
type Mustache = hbs.AST.MustacheStatement;

const safe = (markdown: string) => new Handlebars.SafeString(markdown);

/** Escapes a value for Markdown unless a helper already produced Markdown (a SafeString). */
function md(value: unknown): Handlebars.SafeString {
  if (value instanceof Handlebars.SafeString) return value;
  if (value === undefined || value === null) return safe('');
  return safe(escapeMarkdown(String(value)));
}

const helpers: Record<string, Handlebars.HelperDelegate> = {
  md,
  /** `{{link naam url}}`: a Markdown link with escaped text; plain text when there is no web or mail address. */
  link: (text: unknown, url: unknown) =>
    typeof url === 'string' && /^(https?:\/\/|mailto:)/.test(url)
      ? safe(`[${md(text)}](${markdownLinkDestination(url)})`)
      : md(text),
  eq: (a: unknown, b: unknown) => a === b,
  /** `{{#if (or a b)}}`: true when any value is. */
  or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
  lower: (text: unknown) => String(text ?? '').toLowerCase(),
  concat: (...args: unknown[]) => args.slice(0, -1).join(''),
  inc: (n: unknown) => Number(n) + 1,
  /** `{{count list}}`: the length of a list. */
  count: (list: unknown) => (Array.isArray(list) ? list.length : 0),
  /** `{{getal n}}`: a number in running text, in words up to twenty ("vijf"), else in digits. */
  getal: (n: unknown) => numberInWords(Number(n)),
  /** `{{plural n "thema" "thema's"}}` */
  plural: (n: unknown, one: unknown, many: unknown) => (Number(n) === 1 ? one : many),
  /** `{{joinNames list "titel" ", " " en "}}`: "a, b en c". */
  joinNames: (list: unknown, key: unknown, separator: unknown, last: unknown) => {
    const names = (Array.isArray(list) ? list : []).map((item) => String(item[String(key)]));
    return joinList(names, String(separator), String(last));
  },
};

/**
 * Every `{{expression}}` becomes `{{md (expression)}}`: template authors write the plain form and
 * get escaped Markdown; only the triple-stash `{{{...}}}` inserts raw Markdown.
 */
function escapeByDefault(node: Node): void {
  const visit = (child: Node | undefined | null) => child && escapeByDefault(child);
  switch (node.type) {
    case 'Program':
      (node as Ast).body.forEach(visit);
      break;
    case 'BlockStatement':
    case 'DecoratorBlock': {
      const block = node as hbs.AST.BlockStatement;
      visit(block.program);
      visit(block.inverse);
      break;
    }
    case 'PartialBlockStatement':
      visit((node as hbs.AST.PartialBlockStatement).program);
      break;
    case 'MustacheStatement': {
      const mustache = node as Mustache;
      if (!mustache.escaped) break;
      const original = mustache.path as hbs.AST.PathExpression;
      if (original.type === 'PathExpression' && original.original === 'md') break;
      const inner: hbs.AST.Expression =
        mustache.params.length > 0 || mustache.hash
          ? ({ type: 'SubExpression', path: mustache.path, params: mustache.params, hash: mustache.hash, loc: mustache.loc } as hbs.AST.SubExpression)
          : strictPath(mustache.path);
      mustache.path = { type: 'PathExpression', data: false, depth: 0, parts: ['md'], original: 'md', loc: mustache.loc } as hbs.AST.PathExpression;
      mustache.params = [inner];
      mustache.hash = undefined as unknown as hbs.AST.Hash;
      break;
    }
  }
}

/** Handlebars' strict mode only checks paths in mustache position; keep that for `{{a.b}}` now in `md`'s parameter. */
function strictPath(expression: hbs.AST.Expression): hbs.AST.Expression {
  if (expression.type === 'PathExpression') Object.assign(expression, { strict: true });
  return expression;
}

function parse(env: typeof Handlebars, template: TemplateFile): Ast {
  try {
    return env.parse(template.source);
  } catch (error) {
    throw templateError(template, error);
  }
}

/**
 * How deep partials may nest while filling in. Ours nest two deep; a partial that includes itself
 * under a condition that stays true would otherwise recurse until V8 runs out of stack, which can
 * kill the process outright instead of throwing.
 */
const maxPartialDepth = 64;

function compile(
  env: typeof Handlebars,
  template: TemplateFile,
  ast: Ast,
  depth: { current: number },
): Handlebars.TemplateDelegate {
  escapeByDefault(ast);
  const compiled = env.compile(ast, { noEscape: true, strict: true, knownHelpersOnly: false });
  return (context, options) => {
    if (++depth.current > maxPartialDepth) {
      depth.current = 0;
      throw new UserError(
        `Fout in sjabloon ${template.file}: het vullen houdt niet op; een onderdeel (partial) roept zichzelf aan, direct of via een ander onderdeel, meer dan ${maxPartialDepth} keer diep.`,
      );
    }
    try {
      return compiled(context, options);
    } catch (error) {
      throw error instanceof UserError ? error : templateError(template, error);
    } finally {
      depth.current = Math.max(0, depth.current - 1);
    }
  };
}

/** Handlebars' grammar tokens in the words of someone editing a template. */
const tokenNames: Record<string, string> = {
  EOF: 'het einde van het bestand',
  CLOSE: '}}',
  CLOSE_UNESCAPED: '}}}',
  CLOSE_RAW_BLOCK: '}}}}',
  CLOSE_SEXPR: ')',
  OPEN_SEXPR: '(',
  OPEN: '{{',
  OPEN_BLOCK: '{{#',
  OPEN_ENDBLOCK: '{{/…}}',
  OPEN_INVERSE: '{{^',
  OPEN_INVERSE_CHAIN: '{{else …}}',
  INVERSE: '{{else}}',
  OPEN_PARTIAL: '{{>',
  OPEN_PARTIAL_BLOCK: '{{#>',
  OPEN_UNESCAPED: '{{{',
  ID: 'een naam',
  STRING: 'een tekst tussen aanhalingstekens',
  NUMBER: 'een getal',
  BOOLEAN: 'true of false',
  UNDEFINED: 'undefined',
  NULL: 'null',
  DATA: '@naam',
  EQUALS: '=',
  SEP: '. of /',
  CONTENT: 'tekst',
  COMMENT: 'een opmerking',
  INVALID: 'een teken dat hier niet kan',
  OPEN_BLOCK_PARAMS: 'as |…|',
  CLOSE_BLOCK_PARAMS: '|',
};

function describeParseError(message: string): string | undefined {
  const parse = /^Parse error on line \d+:\n([^\n]*)\n(-*\^)\nExpecting (.+), got '([A-Z_]+)'$/s.exec(message);
  if (parse) {
    const [, excerpt, pointer, expectingList, got] = parse;
    const expecting = [...expectingList!.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]!);
    const gotName = tokenNames[got!] ?? got!;
    const where = `\n    ${excerpt}\n    ${pointer}`;
    if (got === 'EOF' && expecting.includes('OPEN_ENDBLOCK')) {
      return `een blok dat met {{#…}} begint wordt niet afgesloten met {{/…}} voor het einde van het bestand${where}`;
    }
    const wanted = [...new Set(expecting.map((token) => tokenNames[token] ?? token))].slice(0, 6).join(', ');
    return `onjuiste Handlebars-syntaxis: hier hoort ${wanted}, maar er staat ${gotName}${where}`;
  }
  const mismatch = /^(.+) doesn't match (.+) - \d+:\d+$/.exec(message);
  if (mismatch) {
    return `{{/${mismatch[2]}}} sluit het blok {{#${mismatch[1]}}} af; schrijf {{/${mismatch[1]}}} (of sluit eerst het binnenste blok af)`;
  }
  if (/^Lexical error on line \d+/.test(message)) {
    return 'onbekende tekens na {{ (bijvoorbeeld een opmerking {{!-- … --}} die niet is afgesloten)';
  }
  return undefined;
}

function templateError(template: TemplateFile, error: unknown): UserError {
  const message = error instanceof Error ? error.message : String(error);
  const line =
    (error as { lineNumber?: number } | undefined)?.lineNumber ??
    /on line (\d+)/.exec(message)?.[1] ??
    / - (\d+):\d+$/.exec(message)?.[1];
  const place = `Fout in sjabloon ${template.file}${line ? ` op regel ${line}` : ''}`;
  const missing = /^"(.+)" not defined in .* - \d+:\d+$/s.exec(message);
  const reason =
    describeParseError(message) ??
    (missing
      ? `de waarde "${missing[1]}" bestaat niet in de gegevens van het document`
      : 'een helper of onderdeel werkt niet met deze gegevens; controleer de {{…}}-uitdrukkingen in dit sjabloon');
  return new UserError(`${place}: ${reason}`);
}

/** Partials a template declares itself with `{{#*inline "naam"}}`. */
function inlinePartials(ast: Ast): string[] {
  const names: string[] = [];
  const visit = (node: Node | undefined | null) => {
    if (!node) return;
    if (node.type === 'Program') (node as Ast).body.forEach(visit);
    else if (node.type === 'BlockStatement' || node.type === 'DecoratorBlock') {
      const block = node as hbs.AST.BlockStatement;
      const name = block.params[0] as unknown as { type: string; value?: unknown } | undefined;
      if (node.type === 'DecoratorBlock' && (block.path as hbs.AST.PathExpression).original === 'inline' && name?.type === 'StringLiteral') {
        names.push(String(name.value));
      }
      visit(block.program);
      visit(block.inverse);
    }
  };
  visit(ast);
  return names;
}

interface PartialUse {
  name: string;
  line: number;
  /** Inside a block such as {{#if}}: recursion there may end, recursion outside never does. */
  conditional: boolean;
}

/** The partials a template includes by a fixed name (`{{> naam}}`), with their lines. */
function partialUses(ast: Ast): PartialUse[] {
  const uses: PartialUse[] = [];
  const visit = (node: Node | undefined | null, conditional: boolean) => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        for (const child of (node as Ast).body) visit(child, conditional);
        break;
      case 'BlockStatement':
      case 'DecoratorBlock': {
        const block = node as hbs.AST.BlockStatement;
        visit(block.program, true);
        visit(block.inverse, true);
        break;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const partial = node as hbs.AST.PartialStatement;
        const name = staticPartialName(partial.name);
        if (name !== undefined) uses.push({ name, line: partial.loc.start.line, conditional });
        if (node.type === 'PartialBlockStatement') visit((node as hbs.AST.PartialBlockStatement).program, conditional);
        break;
      }
    }
  };
  visit(ast, false);
  return uses;
}

function staticPartialName(name: hbs.AST.PathExpression | hbs.AST.SubExpression): string | undefined {
  if (name.type === 'PathExpression') return name.original;
  const literal = name as unknown as { type: string; value?: unknown };
  return literal.type === 'StringLiteral' || literal.type === 'NumberLiteral' ? String(literal.value) : undefined;
}

/**
 * Before anything is filled in: every `{{> naam}}` names a partial that exists, and no partial
 * includes itself unconditionally (directly or through others), which would never end. Both are
 * reported with the file and line of the `{{> naam}}`.
 */
function checkPartials(templates: TemplateSet, asts: Map<TemplateFile, Ast>): void {
  const uses = new Map([...asts].map(([file, ast]) => [file, partialUses(ast)]));
  const inline = new Set([...asts.values()].flatMap(inlinePartials));
  for (const [file, list] of uses) {
    for (const use of list) {
      if (use.name !== '@partial-block' && !templates.partials.has(use.name) && !inline.has(use.name)) {
        throw new UserError(
          `Fout in sjabloon ${file.file} op regel ${use.line}: het onderdeel (partial) "${use.name}" bestaat niet; ` +
            `zet een bestand ${use.name}.md.hbs in partials/, of kies uit: ${[...templates.partials.keys()].join(', ')}.`,
        );
      }
    }
  }
  const byName = new Map([...templates.partials].map(([name, file]) => [name, file]));
  const visiting: string[] = [];
  const done = new Set<string>();
  const walk = (file: TemplateFile) => {
    for (const use of uses.get(file) ?? []) {
      if (use.conditional) continue;
      const chain = visiting.indexOf(use.name);
      if (chain >= 0) {
        const cycle = [...visiting.slice(chain), use.name].join(' → ');
        throw new UserError(
          `Fout in sjabloon ${file.file} op regel ${use.line}: het onderdeel (partial) "${use.name}" roept zichzelf aan (${cycle}); dat houdt nooit op.`,
        );
      }
      const next = byName.get(use.name);
      if (!next || done.has(use.name)) continue;
      visiting.push(use.name);
      walk(next);
      visiting.pop();
      done.add(use.name);
    }
  };
  walk(templates.main);
}

/** Pure: fills a document's templates with the model and returns Markdown. */
export function renderTemplates(templates: TemplateSet, model: object): string {
  const env = Handlebars.create();
  env.registerHelper(helpers);
  const files = [templates.main, ...templates.partials.values()];
  const asts = new Map(files.map((file) => [file, parse(env, file)]));
  checkPartials(templates, asts);
  const depth = { current: 0 };
  for (const [name, file] of templates.partials) env.registerPartial(name, compile(env, file, asts.get(file)!, depth));
  return compile(env, templates.main, asts.get(templates.main)!, depth)(model);
}
