import Handlebars from 'handlebars';
import { UserError } from '../validation/problem.js';
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

function parse(template: TemplateFile): Ast {
  try {
    return Handlebars.parse(template.source);
  } catch (error) {
    throw templateError(template.file, error);
  }
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

function compile(template: TemplateFile, ast: Ast): CompiledTemplate {
  escapeByDefault(ast);
  const spec = Handlebars.precompile(ast, { noEscape: true, strict: true, knownHelpersOnly: false });
  return { file: template.file, spec: String(spec) };
}

/**
 * Compiles a document's templates after checking them: a syntax error, a missing partial or a partial that includes
 * itself is reported with the template's file and line, so only a set that passed these checks is ever cached.
 */
export function compileTemplates(templates: TemplateSet): CompiledTemplates {
  const files = [templates.main, ...templates.partials.values()];
  const asts = new Map(files.map((file) => [file, parse(file)]));
  checkPartials(templates, asts);
  return {
    main: compile(templates.main, asts.get(templates.main)!),
    partials: [...templates.partials].map(([name, file]) => [name, compile(file, asts.get(file)!)]),
  };
}
