import { internalChanged, internalPrototype, isOwnDocument } from './internals.js';

/**
 * Speed-up hook: pdfmake 0.3.11's TextInlines.measure looks up some twenty style properties for every word
 * (StyleContextStack.getStyleProperty); each one the word does not carry walks the whole style stack, allocating as
 * it goes. The words of one measure call share that stack, so for words without named styles of their own a missing
 * property resolves alike for all of them. This resolves each property once per call on the stack, gives the words
 * what it found, and lets pdfmake measure them without a stack, where a word's missing property is the look-up's
 * default: exactly what the walk gives when the stack does not set it either. Words are measured as before; only
 * where a property's value comes from is decided once instead of per word.
 */

/**
 * The properties TextInlines.measure looks up per word (`getStyleProperty(item, styleContextStack, …)`), and whether
 * it then sets them on the word (`item.<property> = …`), so that a word given the value beforehand ends up the same;
 * the tests read both from pdfmake's source. (The first word's leadingIndent is looked up too: the hook leaves
 * measuring to the stack when that is set.)
 */
export const LOOKED_UP = {
  font: true,
  bold: false,
  italics: false,
  alignment: true,
  fontSize: true,
  fontFeatures: true,
  characterSpacing: true,
  color: true,
  decoration: true,
  decorationColor: true,
  decorationStyle: true,
  decorationThickness: true,
  background: true,
  link: true,
  linkToPage: true,
  linkToDestination: true,
  noWrap: true,
  opacity: true,
  sup: true,
  sub: true,
  lineHeight: false,
  preserveLeadingSpaces: false,
  preserveTrailingSpaces: false,
} as const;

type Word = Record<string, unknown> & { style?: unknown };

interface StyleContextStack {
  getProperty(property: string): unknown;
}

interface TextInlines {
  pdfDocument?: { fonts?: Record<string, Record<string, unknown> | undefined> };
  measure(array: Word[], styleContextStack: StyleContextStack | null | undefined): Word[];
}

interface StyleContextStackClass {
  getStyleProperty(item: object, stack: StyleContextStack, property: string, defaultValue: unknown): unknown;
}

const isValue = (value: unknown): boolean => value !== undefined && value !== null;

const PROPERTIES = Object.keys(LOOKED_UP) as (keyof typeof LOOKED_UP)[];

/**
 * Gives the words the stack's value of every property they lack, or returns false (leaving them as they are) when
 * that would not end as measuring them with the stack does: a word with named styles of its own (pushed above it), a
 * property measure does not set that a word would take from the stack, or a leadingIndent from the stack.
 */
export function resolveWordStyles(array: Word[], stack: StyleContextStack, styles: StyleContextStackClass): boolean {
  const lacking = new Set<keyof typeof LOOKED_UP>();
  for (const word of array) {
    if (typeof word !== 'object' || word === null || word.style) return false;
    for (const property of PROPERTIES) if (!isValue(word[property])) lacking.add(property);
  }
  // As getStyleProperty resolves a property a word does not set: on the stack with a word on top that adds nothing.
  const resolve = (property: string) => styles.getStyleProperty({}, stack, property, undefined);
  if (isValue(resolve('leadingIndent'))) return false;
  const resolved: [string, unknown][] = [];
  for (const property of lacking) {
    const value = resolve(property);
    if (!isValue(value)) continue;
    if (!LOOKED_UP[property]) return false;
    resolved.push([property, value]);
  }
  for (const word of array) {
    for (const [property, value] of resolved) if (!isValue(word[property])) word[property] = value;
  }
  return true;
}

let installed = false;

/** Installs the hook once per process, for this writer's documents (isOwnDocument). */
export function installWordStyles(): void {
  if (installed) return;
  const proto = internalPrototype<TextInlines>('TextInlines.js', ['measure', 'buildInlines']);
  const styles = internalPrototype<object>('StyleContextStack.js', ['getProperty']).constructor as unknown as
    StyleContextStackClass | undefined;
  if (typeof styles?.getStyleProperty !== 'function')
    throw internalChanged("pdfmake's StyleContextStack.getStyleProperty");
  const original = proto.measure;
  proto.measure = function measure(this: TextInlines, array, styleContextStack) {
    if (!styleContextStack || !Array.isArray(array) || !isOwnDocument(this.pdfDocument)) {
      return original.call(this, array, styleContextStack);
    }
    return resolveWordStyles(array, styleContextStack, styles)
      ? original.call(this, array, null)
      : original.call(this, array, styleContextStack);
  };
  installed = true;
}
