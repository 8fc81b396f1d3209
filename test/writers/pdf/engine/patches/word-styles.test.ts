import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LOOKED_UP, resolveWordStyles } from '../../../../../src/writers/pdf/engine/patches/word-styles.js';
import { internalPrototype } from '../../../../../src/writers/pdf/engine/patches/internals.js';
import { pdfmakeDocument, pdfmakeModule } from './pdfmake-parts.js';
import { reliesOn } from './relies-on.js';

/**
 * The internals of pdfmake that the word styles patch (word-styles.ts) relies on, and that what it does measures
 * words as pdfmake does with the style stack. That a document keeps its bytes is pdf.test.ts's and the snapshots'.
 */
const require = createRequire(import.meta.url);
const textInlinesSource = readFileSync(
  join(dirname(require.resolve('pdfmake/package.json')), 'js', 'TextInlines.js'),
  'utf8',
);

type Word = Record<string, unknown>;
interface Stack {
  push(item: unknown): void;
}
interface StackClass {
  new (styles: object, defaultStyle?: object): Stack;
  getStyleProperty(item: object, stack: Stack | null, property: string, defaultValue: unknown): unknown;
}
interface TextInlines {
  measure(array: Word[], stack: Stack | null): Word[];
}
interface Breaker {
  getBreaks(texts: unknown[], stack: Stack): Word[];
}

/** The body of TextInlines.measure in pdfmake's source. */
function measureSource(): string {
  const start = textInlinesSource.indexOf('  measure(array, styleContextStack) {');
  reliesOn('TextInlines.measure(array, styleContextStack)', start >= 0);
  const end = textInlinesSource.indexOf('\n  }\n', start);
  return textInlinesSource.slice(start, end);
}

test('TextInlines.measure looks up per word exactly the properties the patch resolves, and sets those it says it sets', () => {
  const source = measureSource();
  const looked = [...source.matchAll(/getStyleProperty\(item, styleContextStack, '(\w+)'/g)].map((m) => m[1]!);
  reliesOn(
    `TextInlines.measure looking up ${looked.join(', ')} per word`,
    looked.length === Object.keys(LOOKED_UP).length && looked.every((property) => property in LOOKED_UP),
  );
  for (const [property, set] of Object.entries(LOOKED_UP)) {
    reliesOn(
      `TextInlines.measure ${set ? 'setting' : 'not setting'} item.${property}`,
      new RegExp(`item\\.${property} = `).test(source) === set,
    );
  }
  const others = [...source.matchAll(/getStyleProperty\((?!item,)([^,]+), styleContextStack, '(\w+)'/g)];
  reliesOn(
    'TextInlines.measure looking up only leadingIndent otherwise, on the first word',
    others.length === 1 && others[0]![1] === 'array[0]' && others[0]![2] === 'leadingIndent',
  );
  reliesOn(
    'TextInlines.buildInlines measuring with this.measure(brokenText, styleContextStack)',
    textInlinesSource.includes('this.measure(brokenText, styleContextStack)'),
  );
  expect(() => internalPrototype('TextInlines.js', ['measure', 'buildInlines'])).not.toThrow();
});

test('StyleContextStack.getStyleProperty: a word’s own value, else what the stack gives under a word that adds nothing, else the default', () => {
  const Stack = pdfmakeModule<StackClass>('StyleContextStack.js');
  const stack = new Stack({ kop: { color: 'red', extends: 'basis' }, basis: { fontSize: 7 } }, { font: 'Roboto' });
  stack.push('kop');
  stack.push({ bold: true });
  const word = { text: 'woord', italics: true };
  reliesOn('getStyleProperty returning a word’s own value', Stack.getStyleProperty(word, stack, 'italics', 0) === true);
  for (const property of ['bold', 'color', 'fontSize', 'font', 'link']) {
    reliesOn(
      `getStyleProperty resolving ${property} on the stack alike for any word without it`,
      Stack.getStyleProperty(word, stack, property, 'default') ===
        Stack.getStyleProperty({}, stack, property, 'default'),
    );
  }
  reliesOn(
    'getStyleProperty giving the default for a property nothing sets',
    Stack.getStyleProperty(word, stack, 'link', 9) === 9,
  );
  reliesOn(
    'getStyleProperty without a stack giving the default',
    Stack.getStyleProperty(word, null, 'color', 'x') === 'x',
  );
});

describe('words measured with their styles resolved once are measured as with the stack', () => {
  const Stack = pdfmakeModule<StackClass>('StyleContextStack.js');
  const TextInlines = pdfmakeModule<new (doc: unknown) => TextInlines>('TextInlines.js');
  const TextBreaker = pdfmakeModule<new () => Breaker>('TextBreaker.js');
  const doc = pdfmakeDocument();
  const styles = { kop: { fontSize: 17, bold: true, color: '#1b3a5c' } };

  function words(runs: unknown[], push: unknown[]): { words: Word[]; stack: Stack } {
    const stack = new Stack(styles, { font: 'Roboto', fontSize: 10.5, lineHeight: 1.2 });
    for (const item of push) stack.push(item);
    return { words: new TextBreaker().getBreaks(runs, stack), stack };
  }
  const measured = (list: Word[]) => list.map(({ font, ...rest }) => ({ ...rest, font: (font as { id: string }).id }));

  const cases: [string, unknown[], unknown[]][] = [
    [
      'runs carrying their whole style',
      [
        {
          text: 'Een integriteitsbeleid ',
          bold: false,
          italics: false,
          fontSize: 9.5,
          lineHeight: 1.15,
          preserveLeadingSpaces: false,
          preserveTrailingSpaces: false,
        },
        {
          text: 'met een link',
          bold: false,
          italics: false,
          lineHeight: 1,
          preserveLeadingSpaces: false,
          preserveTrailingSpaces: false,
          link: 'https://example.org',
          decoration: 'underline',
        },
      ],
      [{ text: [], alignment: 'left' }],
    ],
    [
      'a named style on the stack',
      [
        {
          text: 'Kop van een hoofdstuk',
          bold: true,
          italics: false,
          lineHeight: 1.2,
          preserveLeadingSpaces: false,
          preserveTrailingSpaces: false,
        },
      ],
      ['kop', { text: [], background: '#fff3b0' }],
    ],
  ];

  test.each(cases)('%s', (_name, runs, push) => {
    const plain = words(runs, push);
    const expected = measured(new TextInlines(doc).measure(plain.words, plain.stack));
    const resolved = words(runs, push);
    expect(resolveWordStyles(resolved.words, resolved.stack as never, Stack as never)).toBe(true);
    expect(measured(new TextInlines(doc).measure(resolved.words, null))).toEqual(expected);
  });

  test('words that take a property measure does not set from the stack, or have named styles, are left to the stack', () => {
    const lacking = words([{ text: 'zonder vet' }], [{ text: [], bold: true }]);
    expect(resolveWordStyles(lacking.words, lacking.stack as never, Stack as never)).toBe(false);
    expect(lacking.words[0]).not.toHaveProperty('bold');
    const named = words([{ text: 'met stijl', style: 'kop' }], []);
    expect(resolveWordStyles(named.words, named.stack as never, Stack as never)).toBe(false);
  });
});
