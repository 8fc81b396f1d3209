import Handlebars from 'handlebars';
import { joinList } from '../text/list.js';
import { UserError } from '../validation/problem.js';
import { escapeMarkdown, markdownLinkDestination } from './escape.js';
import type { TemplateFile, TemplateSet } from './load.js';

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
  lower: (text: unknown) => String(text ?? '').toLowerCase(),
  concat: (...args: unknown[]) => args.slice(0, -1).join(''),
  inc: (n: unknown) => Number(n) + 1,
  /** `{{count list}}`: the length of a list. */
  count: (list: unknown) => (Array.isArray(list) ? list.length : 0),
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

function compile(env: typeof Handlebars, template: TemplateFile): Handlebars.TemplateDelegate {
  let ast: Ast;
  try {
    ast = env.parse(template.source);
  } catch (error) {
    throw templateError(template, error);
  }
  escapeByDefault(ast);
  const compiled = env.compile(ast, { noEscape: true, strict: true, knownHelpersOnly: false });
  return (context, options) => {
    try {
      return compiled(context, options);
    } catch (error) {
      throw error instanceof UserError ? error : templateError(template, error);
    }
  };
}

function templateError(template: TemplateFile, error: unknown): UserError {
  const message = error instanceof Error ? error.message : String(error);
  const line = /on line (\d+)/.exec(message)?.[1] ?? / - (\d+):\d+$/.exec(message)?.[1];
  const reason = message
    .replace(/^Parse error on line \d+:\n?/, 'onjuiste Handlebars-syntaxis:\n')
    .replace(/^"(.+)" not defined in .* - \d+:\d+$/s, 'de waarde "$1" bestaat niet in de gegevens van het plan')
    .replace(/^The partial (.+) could not be found$/, 'het onderdeel (partial) "$1" bestaat niet in templates/partials/');
  return new UserError(`Fout in sjabloon ${template.file}${line ? ` op regel ${line}` : ''}: ${reason}`);
}

/** Pure: fills a document's templates with the model and returns Markdown. */
export function renderTemplates(templates: TemplateSet, model: object): string {
  const env = Handlebars.create();
  env.registerHelper(helpers);
  for (const [name, file] of templates.partials) env.registerPartial(name, compile(env, file));
  return compile(env, templates.main)(model);
}
