import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { charactersMissingFromPdf } from '../../src/writers/pdf/coverage.js';
import { runInProcess } from '../support/cli.js';
import { requireTools } from '../support/tools.js';
import { expectGenerateRefused, Scratch, validAnswers } from './support.js';

let scratch: Scratch;
beforeAll(() => (scratch = new Scratch()));
afterAll(() => scratch.remove());

describe('text the PDF font cannot show is refused by key, before anything is written', () => {
  test.each([
    ['Hebreeuws', 'Gemeente שלום', 'U+05E9 (ש), U+05DC (ל), U+05D5 (ו), U+05DD (ם)'],
    ['Arabisch', 'Gemeente سلام', 'U+0633 (س)'],
    ['richtingsteken', 'Gemeente\u200f Voorbeeld', 'U+200F (RIGHT-TO-LEFT MARK)'],
    ['emoji', 'Gemeente Voorbeeld 😀', 'U+1F600 (😀)'],
  ])('%s in the name', async (label, name, shown) => {
    const answers = scratch.file(`${label}.yaml`, validAnswers.replace('Gemeente Voorbeeld', `"${name}"`));
    await expectGenerateRefused(
      scratch,
      ['--antwoorden', answers],
      `${label}.yaml:2 — organisatie.naam: de PDF kan deze tekens niet tonen: ${shown}`,
      '--formaten docx',
    );
  });

  test('in a toelichting, by its own key', async () => {
    const answers = scratch.file(
      'toelichting.yaml',
      `${validAnswers}toelichting:\n  h4-handhaving: Zie het schema → bijlage ✓\n`,
    );
    await expectGenerateRefused(
      scratch,
      ['--antwoorden', answers],
      'toelichting.yaml:9 — toelichting.h4-handhaving',
      'U+2192 (→), U+2713 (✓)',
    );
  });

  test('the DOCX alone keeps such a name', async () => {
    const answers = scratch.file('docx.yaml', validAnswers.replace('Gemeente Voorbeeld', '"Gemeente שלום 😀"'));
    const out = join(scratch.dir, 'docx-uit');
    const result = await runInProcess(['genereer', '--antwoorden', answers, '--formaten', 'docx', '--uitvoer', out]);
    expect(result.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(join(out, readdirSync(out)[0]!)));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('Gemeente שלום 😀');
  });
});

describe('every Dutch and Frisian letter is covered', () => {
  const names = [
    'Gemeente Súdwest-Fryslân',
    'Gemeente Ĳsselstein',
    'Waterschap Brabantse Delta – café “De Ûle”',
    'Provincie Zeeland № 1 · €',
  ];
  test('the font has all of them', () => {
    for (const name of names) expect(charactersMissingFromPdf(name)).toEqual([]);
  });
  if (requireTools('pdftotext')) {
    test('and the PDF shows them', async () => {
      const answers = scratch.file('fries.yaml', validAnswers.replace('Gemeente Voorbeeld', `"${names[0]}"`));
      const out = join(scratch.dir, 'fries-uit');
      const result = await runInProcess(['genereer', '--antwoorden', answers, '--formaten', 'pdf', '--uitvoer', out]);
      expect(result.code).toBe(0);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(out, readdirSync(out)[0]!), '-'], {
        encoding: 'utf8',
      });
      expect(text).toContain('Súdwest-Fryslân');
    });
  }
});
