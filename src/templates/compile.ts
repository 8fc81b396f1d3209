import Handlebars from 'handlebars';
import { templateError } from './errors.js';
import type { TemplateFile, TemplateSet } from './load.js';

/*
 * Templates → code: Handlebars parses and compiles each template once into the JavaScript that renders it (a
 * template spec), which render.ts runs with Handlebars' runtime alone. Specs depend only on the template files,
 * this code and the Handlebars version, so they can be cached (cached.ts).
 */

type Ast = hbs.AST.Program;
type Node = hbs.AST.Node;
type Mustache = hbs.AST.MustacheStatement;

export interface CompiledTemplate {
  /** Name used in messages, e.g. "templates/beleidsplan.md.hbs". */
  file: string;
  /** The JavaScript source of the template spec (Handlebars.precompile). */
  spec: string;
}

export interface CompiledTemplates {
  main: CompiledTemplate;
  /** Partial name → compiled partial, in the order of their names. */
  partials: [string, CompiledTemplate][];
}

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

function compile(template: TemplateFile): CompiledTemplate {
  let ast: Ast;
  try {
    ast = Handlebars.parse(template.source);
  } catch (error) {
    throw templateError(template.file, error);
  }
  escapeByDefault(ast);
  const spec = Handlebars.precompile(ast, { noEscape: true, strict: true, knownHelpersOnly: false });
  return { file: template.file, spec: String(spec) };
}

/** Compiles a document's templates; a syntax error is reported with the template's file and line. */
export function compileTemplates(templates: TemplateSet): CompiledTemplates {
  return {
    main: compile(templates.main),
    partials: [...templates.partials].map(([name, file]) => [name, compile(file)]),
  };
}
