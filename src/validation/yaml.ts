import {
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
  type YAMLError,
} from 'yaml';
import { z } from 'zod';
import './messages.js';
import { closestMatch } from './suggest.js';
import { controlCharacterProblem } from './text.js';
import { formatKeyPath, type Problem } from './problem.js';

/** A parsed YAML (or JSON, which is YAML) file that can tell the line of any key path. */
export interface LocatedDocument {
  file: string;
  value: unknown;
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/**
 * How deep a user's file may nest. Ours need four levels; the limit keeps every recursive step
 * after parsing (toJS, zod, the templates) far from the stack limit.
 */
export const maxNesting = 32;

/** Aliases (`*naam`) resolved at most this often: the yaml library's guard against "billion laughs". */
const maxAliasCount = 100;

/** Mistakes in the YAML syntax, by the yaml library's error code, in Dutch. */
function describeYamlError(error: YAMLError): string {
  const english = error.message;
  switch (error.code) {
    case 'MULTIPLE_DOCS':
      return 'het bestand bevat meer dan één document (een regel met alleen "---" of "..." in het midden); haal die regel weg';
    case 'DUPLICATE_KEY':
      return 'deze sleutel staat twee keer in dezelfde groep';
    case 'TAB_AS_INDENT':
      return 'inspringen met een tab mag niet; gebruik spaties';
    case 'BAD_INDENT':
      if (/Flow sequence/.test(english))
        return 'een lijst tussen [ en ] is niet afgesloten met ] (of de volgende regel springt te weinig in)';
      if (/Flow mapping/.test(english))
        return 'een groep tussen { en } is niet afgesloten met } (of de volgende regel springt te weinig in)';
      return 'de sleutels van één groep moeten precies even ver inspringen';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'een sleutel met een waarde op dezelfde regel kan daaronder geen ingesprongen sleutels hebben; zet na de dubbele punt niets, of zet een tekst met ": " tussen aanhalingstekens';
    case 'MISSING_CHAR':
      if (/closing "quote/.test(english)) return 'een tekst tussen dubbele aanhalingstekens (") is niet afgesloten';
      if (/closing 'quote/.test(english)) return "een tekst tussen enkele aanhalingstekens (') is niet afgesloten";
      if (/Missing , or : between|Missing , between/.test(english))
        return 'tussen twee onderdelen van een lijst of groep ontbreekt een komma';
      if (/Missing space after :/.test(english)) return 'na de dubbele punt moet een spatie staan';
      if (/followed by map values/.test(english)) return 'na deze sleutel ontbreekt de dubbele punt (":")';
      if (/Comments must be separated/.test(english)) return 'voor een # (opmerking) moet een spatie staan';
      return 'hier ontbreekt een teken (een dubbele punt, komma of sluitend haakje)';
    case 'UNEXPECTED_TOKEN':
      if (/Unexpected , in|Unexpected empty item/.test(english)) return 'een komma te veel in een lijst of groep';
      return 'hier staat iets wat hier niet kan; controleer inspringing, dubbele punten en aanhalingstekens';
    case 'BAD_SCALAR_START':
      return 'een tekst die met @ of ` begint moet tussen aanhalingstekens staan';
    case 'BAD_DQ_ESCAPE':
      return 'een ongeldige \\-code tussen dubbele aanhalingstekens; schrijf \\\\ voor een backslash';
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
      return 'een verwijzing (*naam) naar iets wat niet bestaat of niet kan; schrijf de waarde voluit';
    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS':
    case 'BAD_PROP_ORDER':
      return 'meer dan één & of ! bij dezelfde waarde';
    case 'TAG_RESOLVE_FAILED':
    case 'BAD_COLLECTION_TYPE':
      return 'een onbekend type (een woord dat met ! begint); haal het weg of zet de waarde tussen aanhalingstekens';
    case 'BAD_DIRECTIVE':
      return 'een onbekende regel die met % begint; haal die weg';
    case 'KEY_OVER_1024_CHARS':
      return 'een sleutel is langer dan 1024 tekens';
    case 'NON_STRING_KEY':
      return 'een sleutel moet een gewoon woord zijn, geen lijst of groep';
    case 'BLOCK_IN_FLOW':
      return 'binnen [ ] of { } kan geen ingesprongen lijst of groep staan';
    case 'RESOURCE_EXHAUSTION':
      return `het bestand is te diep genest; hoogstens ${maxNesting} niveaus zijn toegestaan`;
    default:
      return 'dit is geen geldige YAML of JSON';
  }
}

export function parseYaml(text: string, file: string): Parsed<LocatedDocument> {
  const lineCounter = new LineCounter();
  // uniqueKeys is checked below: the library's own check compares every key with every other (quadratic).
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  const syntax = [...doc.errors, ...doc.warnings].map((error) => ({
    file,
    key: '',
    line: lineAt(error.pos[0]),
    message: `geen geldige YAML of JSON: ${describeYamlError(error)}`,
  }));
  if (syntax.length > 0) return { ok: false, problems: dedupe(syntax) };

  const structure = checkStructure(doc, file, lineAt);
  if (structure.length > 0) return { ok: false, problems: structure };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      return {
        ok: false,
        problems: [
          {
            file,
            key: '',
            line: firstAliasLine(doc, lineAt),
            message: `het bestand gebruikt verwijzingen (*naam) zo vaak dat het te groot zou worden (meer dan ${maxAliasCount}); schrijf de waarden voluit`,
          },
        ],
      };
    }
    throw error;
  }
  const located: LocatedDocument = { file, value, lineOf: lineFinder(doc, lineAt) };
  const invisible = keyAndTextProblems(located);
  if (invisible.length > 0) return { ok: false, problems: invisible };
  return { ok: true, value: located };
}

/** One message per line and kind: the library often reports one slip two or three times. */
function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.line}:${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Nesting depth and duplicate keys, walking the parsed nodes without recursion. */
function checkStructure(doc: Document, file: string, lineAt: (offset?: number) => number | undefined): Problem[] {
  const problems: Problem[] = [];
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > maxNesting) {
      problems.push({
        file,
        key: '',
        line: lineAt(node.range?.[0]),
        message: `het bestand is te diep genest; hoogstens ${maxNesting} niveaus zijn toegestaan`,
      });
      return problems;
    }
    if (isMap(node)) {
      const firstLine = new Map<string, number | undefined>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const line = isNode(pair.key) ? lineAt(pair.key.range?.[0]) : undefined;
        if (key !== undefined) {
          if (firstLine.has(key)) {
            const earlier = firstLine.get(key);
            problems.push({
              file,
              key,
              line,
              message: `geen geldige YAML of JSON: deze sleutel staat al eerder in dezelfde groep${earlier ? ` (regel ${earlier})` : ''}; laat er één staan`,
            });
          } else firstLine.set(key, line);
        }
        stack.push({ node: pair.value, depth: depth + 1 });
      }
    } else {
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
    }
  }
  return problems;
}

function firstAliasLine(doc: Document, lineAt: (offset?: number) => number | undefined): number | undefined {
  let first: number | undefined;
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) first = Math.min(first ?? Infinity, node.range?.[0] ?? Infinity);
    else if (isMap(node)) for (const pair of node.items) stack.push(pair.value, pair.key);
    else if (isSeq(node)) stack.push(...node.items);
  }
  return first === undefined || first === Infinity ? undefined : lineAt(first);
}

/**
 * The line of a key path: for a key in a map, the line of the key itself (not of its value, which
 * for a group starts a line lower); a missing key is reported at the deepest part that exists.
 * Each map gets an index of its keys the first time it is asked, so reporting every one of
 * thousands of unknown keys stays linear.
 */
function lineFinder(doc: Document, lineAt: (offset?: number) => number | undefined) {
  const indexes = new WeakMap<object, Map<string, { keyLine?: number; value: unknown }>>();
  const indexOf = (map: { items: unknown[] }) => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (!index.has(key)) index.set(key, { keyLine: lineAt(pair.key.range?.[0]), value: pair.value });
      }
      indexes.set(map, index);
    }
    return index;
  };
  return (path: readonly PropertyKey[]): number | undefined => {
    let node: unknown = doc.contents;
    let line = isNode(node) ? lineAt((node as YamlNode).range?.[0]) : undefined;
    for (const part of path) {
      if (isAlias(node)) node = node.resolve(doc);
      if (isMap(node)) {
        const entry = indexOf(node).get(String(part));
        if (!entry) return line;
        line = entry.keyLine ?? line;
        node = entry.value;
      } else if (isSeq(node) && typeof part === 'number' && isNode(node.items[part])) {
        node = node.items[part];
        line = lineAt((node as YamlNode).range?.[0]) ?? line;
      } else {
        return line;
      }
    }
    return line;
  };
}

/** Control characters in any key or text of the file, and "__proto__" keys, each reported with its key and line. */
function keyAndTextProblems(doc: LocatedDocument): Problem[] {
  const problems: Problem[] = [];
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: doc.value, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const message = controlCharacterProblem(value, { multiline: true });
      if (message) problems.push({ file: doc.file, key: formatKeyPath(path), line: doc.lineOf(path), message });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        // zod's records skip this key without a word (a guard against prototype pollution): refused here, in every file.
        if (key === '__proto__') {
          problems.push({
            file: doc.file,
            key: formatKeyPath([...path, key]),
            line: doc.lineOf([...path, key]),
            message: 'onbekende sleutel; "__proto__" kan nergens in het bestand staan',
          });
          continue;
        }
        const keyMessage = controlCharacterProblem(key, { multiline: false });
        if (keyMessage) {
          problems.push({
            file: doc.file,
            key: formatKeyPath(path),
            line: doc.lineOf([...path, key]),
            message: `een sleutel ${keyMessage}`,
          });
        } else stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return problems.reverse();
}

/** Validates a located document against a schema; every issue becomes a Problem with its line. */
export function validate<S extends z.ZodType>(doc: LocatedDocument, schema: S): Parsed<z.output<S>> {
  const result = schema.safeParse(doc.value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: result.error.issues.flatMap((issue) => issueToProblems(doc, issue, schema)) };
}

/** One problem per issue, except that each unknown key is its own problem, at its own line. */
function issueToProblems(doc: LocatedDocument, issue: z.core.$ZodIssue, schema: z.ZodType): Problem[] {
  const path = issue.path as PropertyKey[];
  if (issue.code === 'unrecognized_keys') {
    const known = objectKeysAt(schema, path);
    return issue.keys.map((key) => ({
      file: doc.file,
      key: formatKeyPath([...path, key]),
      line: doc.lineOf([...path, key]),
      message: unknownKeyMessage(key, known),
    }));
  }
  return [
    { file: doc.file, key: formatKeyPath(path), line: doc.lineOf(path), message: describeIssue(issue, doc, path) },
  ];
}

/** The keys the object schema at `path` allows, found by following the schema's definition. */
function objectKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.core.$ZodType | undefined = schema;
  const rest = [...path];
  for (let guard = 0; current && guard < 100; guard++) {
    const def = current._zod.def as unknown as Record<string, unknown> & { type: string };
    // A pipe checks its input schema, except after a preprocess (a transform first): then its output schema.
    const piped = (def.in as z.core.$ZodType | undefined)?._zod.def.type === 'transform' ? def.out : def.in;
    const inner = (def.innerType ?? (def.type === 'pipe' ? piped : undefined)) as z.core.$ZodType | undefined;
    if (inner) {
      current = inner;
      continue;
    }
    if (def.type === 'object') {
      const shape = def.shape as Record<string, z.core.$ZodType>;
      if (rest.length === 0) return Object.keys(shape);
      current = shape[String(rest.shift())];
    } else if (def.type === 'array' && rest.length > 0) {
      rest.shift();
      current = def.element as z.core.$ZodType;
    } else if (def.type === 'record' && rest.length > 0) {
      rest.shift();
      current = def.valueType as z.core.$ZodType;
    } else return [];
  }
  return [];
}

function unknownKeyMessage(key: string, known: readonly string[]): string {
  const suggestion = closestMatch(key, known);
  if (suggestion) return `onbekende sleutel; bedoelde u "${suggestion}"?`;
  return known.length > 0 ? `onbekende sleutel; hier kunnen staan: ${known.join(', ')}` : 'onbekende sleutel';
}

function describeIssue(issue: z.core.$ZodIssue, doc: LocatedDocument, path: readonly PropertyKey[]): string {
  // A refused key of a record: the key schema's own message says why.
  if (issue.code === 'invalid_key') return issue.issues[0]?.message ?? issue.message;
  if (issue.code === 'invalid_value' && issue.values.length > 1) {
    const input = valueAt(doc.value, path);
    const suggestion = typeof input === 'string' ? closestMatch(input, issue.values.map(String)) : undefined;
    return suggestion && suggestion !== input ? `${issue.message}; bedoelde u "${suggestion}"?` : issue.message;
  }
  return issue.message;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (node, key) =>
      node !== null && typeof node === 'object' && Object.hasOwn(node, key)
        ? (node as Record<PropertyKey, unknown>)[key]
        : undefined,
    value,
  );
}
