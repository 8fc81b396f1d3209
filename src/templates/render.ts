import type FullHandlebars from 'handlebars';
import runtime from 'handlebars/runtime.js';
import { joinList } from '../text/list.js';
import { UserError } from '../validation/problem.js';
import { escapeMarkdown, markdownLinkDestination } from './escape.js';
import type { CompiledTemplate, CompiledTemplates } from './compile.js';
import { templateError } from './errors.js';
import { numberInWords } from './number-words.js';

/** Handlebars' runtime alone, without its parser and compiler (compile.ts has those); typed as the whole package. */
const Handlebars = runtime as unknown as typeof FullHandlebars;

const safe = (markdown: string) => new Handlebars.SafeString(markdown);

/** Escapes a value for Markdown unless a helper already produced Markdown (a SafeString). */
function md(value: unknown): FullHandlebars.SafeString {
  if (value instanceof Handlebars.SafeString) return value;
  if (value === undefined || value === null) return safe('');
  return safe(escapeMarkdown(String(value)));
}

const helpers: Record<string, FullHandlebars.HelperDelegate> = {
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

type Runtime = ReturnType<typeof Handlebars.create>;

/**
 * How deep partials may nest while filling in. Ours nest two deep; a partial that includes itself
 * under a condition that stays true would otherwise recurse until V8 runs out of stack, which can
 * kill the process outright instead of throwing.
 */
const maxPartialDepth = 64;

/** The JavaScript Handlebars made of a document's template files (compile.ts): the main template's, then the partials'. */
export function specsOf(templates: CompiledTemplates): string[] {
  return [templates.main.spec, ...templates.partials.map(([, partial]) => partial.spec)];
}

/** Each spec run as it is, in the order of specsOf (templates/cached.ts runs them through V8's code cache instead). */
export function evaluateSpecs(templates: CompiledTemplates): unknown[] {
  return specsOf(templates).map((spec) => new Function(`return ${spec}`)() as unknown);
}

/** Makes a template function from its compiled spec; a mistake while rendering names the template's file and line. */
function load(
  env: Runtime,
  template: CompiledTemplate,
  spec: unknown,
  depth: { current: number },
): FullHandlebars.TemplateDelegate {
  const rendered = env.template(spec as Parameters<Runtime['template']>[0]);
  return (context, options) => {
    if (++depth.current > maxPartialDepth) {
      depth.current = 0;
      throw new UserError(
        `Fout in sjabloon ${template.file}: het vullen houdt niet op; een onderdeel (partial) roept zichzelf aan, direct of via een ander onderdeel, meer dan ${maxPartialDepth} keer diep.`,
      );
    }
    try {
      return rendered(context, options);
    } catch (error) {
      throw templateError(template.file, error);
    } finally {
      depth.current = Math.max(0, depth.current - 1);
    }
  };
}

/**
 * Pure: fills a document's compiled templates (checked when compiled: compile.ts) with the model and returns Markdown.
 * `specs`: the values of its specs, in the order of specsOf.
 */
export function renderTemplates(
  templates: CompiledTemplates,
  model: object,
  specs: readonly unknown[] = evaluateSpecs(templates),
): string {
  const env = Handlebars.create();
  env.registerHelper(helpers);
  const depth = { current: 0 };
  const [main, ...partials] = specs;
  templates.partials.forEach(([name, partial], index) =>
    env.registerPartial(name, load(env, partial, partials[index], depth)),
  );
  return load(env, templates.main, main, depth)(model);
}
