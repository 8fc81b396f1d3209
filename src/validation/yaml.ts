import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { formatKeyPath, type Problem } from './problem.js';

z.config(z.locales.nl());

/** A parsed YAML (or JSON, which is YAML) file that can tell the line of any key path. */
export interface LocatedDocument {
  file: string;
  value: unknown;
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export function parseYaml(text: string, file: string): Parsed<LocatedDocument> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        file,
        key: '',
        line: error.linePos?.[0].line,
        message: `geen geldige YAML: ${firstLine(error.message)}`,
      })),
    };
  }
  return {
    ok: true,
    value: { file, value: doc.toJS(), lineOf: (path) => lineOfPath(doc, lineCounter, path) },
  };
}

function lineOfPath(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  // The deepest node that exists: a missing key is reported at its parent.
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}

/** Validates a located document against a schema; every issue becomes a Problem with its line. */
export function validate<S extends z.ZodType>(doc: LocatedDocument, schema: S): Parsed<z.output<S>> {
  const result = schema.safeParse(doc.value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => issueToProblem(doc, issue)) };
}

export function issueToProblem(doc: LocatedDocument, issue: z.core.$ZodIssue): Problem {
  const path = issue.path as PropertyKey[];
  const present = valueAt(doc.value, path) !== undefined;
  return { file: doc.file, key: formatKeyPath(path), line: doc.lineOf(path), message: describeIssue(issue, present) };
}

const dutchTypes: Record<string, string> = {
  array: 'een lijst, bijvoorbeeld [a, b]',
  object: 'sleutels met waarden (een groep ingesprongen regels)',
  string: 'een tekst',
  number: 'een getal',
  boolean: 'ja of nee (true/false)',
};

/** zod's Dutch messages say "verwacht array, ontving string": say it in the words of a YAML user. */
function describeIssue(issue: z.core.$ZodIssue, present: boolean): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `onbekende sleutel(s): ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
    case 'invalid_value':
      return issue.values.length > 1 ? `kies uit: ${issue.values.map(String).join(', ')}` : issue.message;
    case 'invalid_type':
      if (!present) return 'deze sleutel ontbreekt';
      return dutchTypes[issue.expected] ? `hier hoort ${dutchTypes[issue.expected]}` : issue.message;
    default:
      return issue.message;
  }
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (node, key) =>
      node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined,
    value,
  );
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
