import { mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/paths.js';
import { runInProcess } from '../support/cli.js';
import { expectGenerateRefused, Scratch, validAnswers } from './support.js';

let scratch: Scratch;
let answers: string;
beforeAll(() => {
  scratch = new Scratch();
  answers = scratch.file('antwoorden.yaml', validAnswers);
});
afterAll(() => scratch.remove());

/** A template folder with these files (the rest falls back to the built-in templates). */
function templates(name: string, files: Record<string, string | Buffer>): string {
  for (const [file, content] of Object.entries(files)) scratch.file(join(name, file), content);
  return join(scratch.dir, name);
}

async function refuses(dir: string, formats: string, ...mentions: (string | RegExp)[]) {
  return expectGenerateRefused(
    scratch,
    ['--antwoorden', answers, '--sjablonen', dir, '--formaten', formats],
    ...mentions,
  );
}

describe('Handlebars mistakes in Dutch, with file and line', () => {
  test.each([
    [
      'open-blok',
      '# Plan\n\n{{#if organisatie}}\nTekst\n',
      'op regel 5',
      'wordt niet afgesloten met {{/…}} voor het einde',
    ],
    ['verkeerd-blok', '# Plan\n\n{{#if organisatie}}\nTekst\n{{/each}}\n', 'op regel 3', 'schrijf {{/if}}'],
    ['open-mustache', '# Plan\n\n{{organisatie.naam\n', 'op regel 3', 'hier hoort'],
    ['else-los', '# Plan\n\n{{else}}\n', 'op regel 3', 'maar er staat {{else}}'],
    ['opmerking', '# Plan\n\n{{!-- niet dicht\n', 'op regel 3', 'opmerking'],
    [
      'onbekende-waarde',
      '# Plan\n\n{{organisatie.bestaatniet}}\n',
      'op regel 3',
      'de waarde "bestaatniet" bestaat niet in de gegevens',
    ],
  ])('%s', async (name, source, ...mentions) => {
    const dir = templates(name, { 'beleidsplan.md.hbs': source });
    await refuses(dir, 'md', join(dir, 'beleidsplan.md.hbs'), ...mentions);
  });

  test('a missing partial is named with the file and line that include it', async () => {
    const dir = templates('ontbrekend', { 'beleidsplan.md.hbs': '# Plan\n\nTekst\n\n{{> bestaat-niet}}\n' });
    await refuses(
      dir,
      'md',
      'beleidsplan.md.hbs op regel 5',
      'het onderdeel (partial) "bestaat-niet" bestaat niet',
      'kies uit: basisnormen, bronnen',
    );
  });

  test.each([
    [
      'zelf',
      { 'beleidsplan.md.hbs': '# Plan\n\n{{> lus}}\n', 'partials/lus.md.hbs': 'a\n{{> lus}}\n' },
      'lus.md.hbs op regel 2',
      'lus → lus',
    ],
    [
      'kring',
      {
        'beleidsplan.md.hbs': '# Plan\n\n{{> een}}\n',
        'partials/een.md.hbs': '{{> twee}}\n',
        'partials/twee.md.hbs': 'x {{> een}}\n',
      },
      'twee.md.hbs op regel 1',
      'een → twee → een',
    ],
  ] as [string, Record<string, string>, ...string[]][])(
    'a partial that includes itself (%s) is refused before filling in',
    async (name, files, ...mentions) => {
      const dir = templates(`recursie-${name}`, files);
      await refuses(dir, 'md', 'roept zichzelf aan', 'dat houdt nooit op', ...mentions);
    },
  );

  test('a partial that includes itself inside a block that is always true stops with a message', async () => {
    const dir = templates('recursie-blok', {
      'beleidsplan.md.hbs': '# Plan\n\n{{> diep}}\n',
      'partials/diep.md.hbs': '{{#if organisatie}}{{> diep}}{{/if}}\n',
    });
    await refuses(dir, 'md', 'diep.md.hbs', 'het vullen houdt niet op', 'meer dan 64 keer diep');
  });
});

describe('template files that are not templates', () => {
  test('a folder in place of a template, a loop of links, UTF-16, and an oversized file', async () => {
    const folder = join(scratch.dir, 'map-sjabloon');
    mkdirSync(join(folder, 'beleidsplan.md.hbs'), { recursive: true });
    await refuses(folder, 'md', 'Kan het sjabloon', 'er staat een map met deze naam');

    const loop = join(scratch.dir, 'lus-sjabloon');
    mkdirSync(join(loop, 'partials'), { recursive: true });
    symlinkSync('b.md.hbs', join(loop, 'partials', 'a.md.hbs'));
    symlinkSync('a.md.hbs', join(loop, 'partials', 'b.md.hbs'));
    await refuses(loop, 'md', 'a.md.hbs', 'kring van snelkoppelingen');

    const utf16 = templates('utf16-sjabloon', { 'beleidsplan.md.hbs': Buffer.from('\ufeff# Plan\n', 'utf16le') });
    await refuses(utf16, 'md', 'is opgeslagen als UTF-16', 'sla het op als UTF-8');

    const big = templates('groot-sjabloon', { 'beleidsplan.md.hbs': `# Plan\n\n${'woord '.repeat(20000)}\n` });
    await refuses(big, 'md', 'is groter dan 100 kB');
  });
});

describe('Markdown a document cannot hold, in an own template', () => {
  test.each(['md', 'docx'])(
    'is refused for --formaten %s alike, with the template and the line, though Markdown alone needs no tree',
    async (formats) => {
      const main = readFileSync(join(packageRoot, 'templates', 'beleidsplan.md.hbs'), 'utf8');
      const dir = templates(`te-diep-${formats}`, { 'beleidsplan.md.hbs': `${main}\n\n#### Te diep\n` });
      await refuses(
        dir,
        formats,
        join(dir, 'beleidsplan.md.hbs'),
        /regel \d+ van de gegenereerde Markdown/,
        'koppen gaan tot niveau 3 (###), niet ####',
      );
    },
  );
});

describe('characters the PDF font cannot show', () => {
  test('from a template: refused with the text around them; the DOCX alone is made', async () => {
    const main = (await import('node:fs')).readFileSync(join(packageRoot, 'templates', 'beleidsplan.md.hbs'), 'utf8');
    const dir = templates('pijl', { 'beleidsplan.md.hbs': `${main}\n\nStap één → stap twee ✓\n` });
    await refuses(dir, 'pdf', 'U+2192 (→), U+2713 (✓)', 'Stap één → stap twee ✓', '--formaten docx');
    const out = join(scratch.dir, 'pijl-docx');
    const docx = await runInProcess([
      'genereer',
      '--antwoorden',
      answers,
      '--sjablonen',
      dir,
      '--formaten',
      'docx',
      '--uitvoer',
      out,
    ]);
    expect(docx.code).toBe(0);
    expect(readdirSync(out)).toEqual(['gemeente-voorbeeld-integriteitsbeleidsplan-2027-2030.docx']);
  });
});
