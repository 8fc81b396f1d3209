import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { answersSchema } from '../../src/answers/schema.js';
import { runInProcess } from '../support/cli.js';
import { builtInKnowledge } from '../support/knowledge.js';
import { expectGenerateRefused, expectRefused, Scratch, validAnswers, validAnswersJson } from './support.js';

let scratch: Scratch;
beforeAll(() => (scratch = new Scratch()));
afterAll(() => scratch.remove());

/** Writes the answers and expects `genereer` to refuse them under the shared rule. */
async function refuses(name: string, content: string | Uint8Array, ...mentions: (string | RegExp)[]) {
  scratch.file(name, content);
  return expectGenerateRefused(scratch, ['--antwoorden', name, '--formaten', 'md'], name, ...mentions);
}

const withLine = (line: number) => new RegExp(`:${line} — `);

describe('YAML and JSON syntax, in Dutch with the line', () => {
  test.each([
    ['dubbel.yaml', `${validAnswers}datum: 2027-02-01\n`, withLine(8), /staat al eerder in dezelfde groep \(regel 7\)/],
    [
      'dubbel.json',
      validAnswersJson.replace('"datum"', '"status": "concept",\n  "status"'),
      /status: geen geldige YAML of JSON: deze sleutel staat al eerder/,
    ],
    ['twee-documenten.yaml', `${validAnswers}---\nstatus: concept\n`, withLine(8), /meer dan één document/],
    ['lijst-open.yaml', validAnswers.replace('[h2, h3, h4, h56]', '[h2, h3'), /niet afgesloten met \]/],
    ['compact.yaml', validAnswers.replace('type: gemeente', 'type: gemeente: groot'), withLine(3), /dubbele punt/],
    ['tab.yaml', validAnswers.replace('  type: gemeente', '\ttype: gemeente'), /tab/],
    [
      'aanhalingsteken.yaml',
      validAnswers.replace('naam: Gemeente Voorbeeld', 'naam: "Gemeente Voorbeeld'),
      /aanhalingstekens/,
    ],
    ['komma.json', validAnswersJson.replace('"h2-gedragsregels",', '"h2-gedragsregels"'), /komma/],
    ['tag.yaml', validAnswers.replace('naam: Gemeente Voorbeeld', 'naam: !python/object Gemeente'), /onbekend type/],
  ])('%s', async (name, content, ...mentions) => {
    const result = await refuses(name, content, ...mentions);
    expect(result.stderr).toContain('geen geldige YAML of JSON');
  });

  test('an alias bomb is refused with the line of its first alias, not a stack trace', async () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
    ].join('\n');
    await refuses(
      'bom.yaml',
      `${validAnswers}${bomb}\n`,
      withLine(9),
      /verwijzingen \(\*naam\)/,
      /schrijf de waarden voluit/,
    );
  });

  test.each([
    ['diep.yaml', `${validAnswers}toelichting: ${'['.repeat(5000)}${']'.repeat(5000)}\n`],
    ['diep.json', `{"toelichting": ${'['.repeat(100000)}${']'.repeat(100000)}}`],
    [
      'diep-blok.yaml',
      `${validAnswers}toelichting:\n${Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i + 1)}a${i}:`).join('\n')} x\n`,
    ],
  ])('deep nesting (%s) is refused with the limit', async (name, content) => {
    await refuses(name, content, /te diep genest; hoogstens 32 niveaus/);
  });
});

describe('encodings other than UTF-8 get a message about the encoding', () => {
  const utf16 = (text: string, order: 'le' | 'be', bom: boolean) => {
    const le = Buffer.from(`${bom ? '\ufeff' : ''}${text}`, 'utf16le');
    return order === 'le' ? le : Buffer.from(le.map((_, i) => le[i % 2 === 0 ? i + 1 : i - 1]!));
  };
  test.each([
    ['utf16-le-bom.yaml', utf16(validAnswers, 'le', true), /UTF-16 \(little-endian\)/],
    ['utf16-le.yaml', utf16(validAnswers, 'le', false), /UTF-16 \(little-endian\)/],
    ['utf16-be-bom.yaml', utf16(validAnswers, 'be', true), /UTF-16 \(big-endian\)/],
    ['utf16-be.yaml', utf16(validAnswers, 'be', false), /UTF-16 \(big-endian\)/],
    [
      'ansi.yaml',
      Buffer.from(validAnswers.replace('Voorbeeld', 'Voorbe\u00eblden'), 'latin1'),
      /geen UTF-8-bestand/,
      withLine(2),
    ],
    ['binair.yaml', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]), /geen tekstbestand/],
  ] as [string, Buffer, ...RegExp[]][])('%s', async (name, content, ...mentions) => {
    await refuses(name, content, ...mentions, /UTF-8|tekstbestand/);
  });

  test('a UTF-8 BOM is fine', async () => {
    const path = scratch.file('bom-utf8.yaml', `\ufeff${validAnswers}`);
    const result = await runInProcess([
      'genereer',
      '--antwoorden',
      path,
      '--formaten',
      'md',
      '--uitvoer',
      join(scratch.dir, 'bom-uit'),
    ]);
    expect(result.code).toBe(0);
  });
});

describe('keys a record must not take, refused like any unknown key', () => {
  const reserved = ['__proto__', 'constructor', 'prototype'];
  test.each(
    reserved.flatMap((key) => ['prioriteiten', 'maatregel_status', 'toelichting'].map((field) => [field, key])),
  )('YAML: %s.%s', async (field, key) => {
    const value = field === 'prioriteiten' ? 'hoog' : field === 'maatregel_status' ? 'loopt' : 'tekst';
    await refuses(
      `${field}-${key}.yaml`,
      `${validAnswers}${field}:\n  ${key}: ${value}\n`,
      withLine(9),
      `${field}.${key}`,
      /onbekend/,
    );
  });
  test.each(reserved)('JSON: prioriteiten.%s and maatregel_status.%s', async (key) => {
    const json = JSON.parse(validAnswersJson) as Record<string, unknown>;
    const text = JSON.stringify({ ...json, prioriteiten: {}, maatregel_status: {} })
      .replace('"prioriteiten":{}', `"prioriteiten":{"${key}":"hoog"}`)
      .replace('"maatregel_status":{}', `"maatregel_status":{"${key}":"loopt"}`);
    const result = await refuses(`reserved-${key}.json`, text, `prioriteiten.${key}`);
    expect(result.stderr).toContain(`maatregel_status.${key}`);
  });
  test.each(reserved)('top level: %s', async (key) => {
    await refuses(`top-${key}.yaml`, `${validAnswers}${key}: 1\n`, withLine(8), `${key}: onbekende sleutel`);
  });
});

describe('values out of range', () => {
  test.each(['0001-01-01', '9999-12-31', '1999-12-31', '2101-01-01', '31-12-1899'])('datum %s', async (date) => {
    await refuses(
      `datum-${date}.yaml`,
      validAnswers.replace('2027-01-15', date),
      withLine(7),
      /datum: een datum van 2000 tot en met 2100/,
    );
  });
  test('the last day allowed makes a DOCX whose zip entries carry that date', async () => {
    const JSZip = (await import('jszip')).default;
    const path = scratch.file('datum-2100.yaml', validAnswers.replace('2027-01-15', '2100-12-31'));
    const out = join(scratch.dir, 'datum-2100-uit');
    const result = await runInProcess(['genereer', '--antwoorden', path, '--formaten', 'docx', '--uitvoer', out]);
    expect(result.code).toBe(0);
    const { readdirSync, readFileSync } = await import('node:fs');
    const zip = await JSZip.loadAsync(readFileSync(join(out, readdirSync(out)[0]!)));
    for (const entry of Object.values(zip.files)) expect(entry.date.getUTCFullYear()).toBe(2100);
  });
  test.each([
    ['organisatie.naam', 120],
    ['auteur.naam', 120],
    ['auteur.functie', 120],
    ['vertrouwenspersoon.telefoon', 30],
    ['contactpersoon.email', 254],
  ] as const)('%s longer than %d characters', async (key, max) => {
    const [group, field] = key.split('.') as [string, string];
    const long = field === 'email' ? `${'x'.repeat(max)}@voorbeeld.nl` : 'x'.repeat(max + 1);
    const text =
      group === 'organisatie'
        ? validAnswers.replace('Gemeente Voorbeeld', long)
        : `${validAnswers}${group}:\n  naam: ${field === 'naam' ? long : 'J. Jansen'}\n${field === 'naam' ? '' : `  ${field}: ${long}\n`}`;
    await refuses(`lang-${key}.yaml`, text, key, `te lang: hoogstens ${max} tekens`);
  });
  test('a toelichting longer than 5000 characters', async () => {
    await refuses(
      'lang-toelichting.yaml',
      `${validAnswers}toelichting:\n  h4-handhaving: ${'woord '.repeat(900)}\n`,
      'toelichting.h4-handhaving',
      'te lang: hoogstens 5000 tekens',
    );
  });
  test('30,000 unknown keys: each at its own line, the first 50 shown, the rest counted', async () => {
    const keys = Array.from({ length: 30000 }, (_, i) => `onbekend${i}: ${i}`).join('\n');
    const result = await refuses(
      'sleutels.yaml',
      `${validAnswers}${keys}\n`,
      'sleutels.yaml:8 — onbekend0: onbekende sleutel',
    );
    expect(result.stderr).toContain('sleutels.yaml:57 — onbekend49: onbekende sleutel');
    expect(result.stderr).toContain('… en nog 29950 fouten');
  });
});

describe('mistakes reported where they are and all at once', () => {
  test('an unknown key in a nested group is reported at its own line, with a suggestion', async () => {
    const text = `${validAnswers}auteur:\n  naam: Jan\n  functe: adviseur\n`;
    await refuses('genest.yaml', text, 'genest.yaml:10 — auteur.functe: onbekende sleutel; bedoelde u "functie"?');
  });
  test('every mistake in a list, and in other fields, in one run', async () => {
    const text = validAnswers
      .replace('[h2-gedragsregels, h4-handhaving]', '[h2-gedragsregel, h9-onbekend, H4-HANDHAVING]')
      .replace('{ van: 2027, tot: 2030 }', '{ van: 2027, tot: 1999 }')
      .replace('type: gemeente', 'type: Gemeente');
    const result = await refuses(
      'lijst.yaml',
      text,
      'zwakke_themas[0]: onbekend thema "h2-gedragsregel"; bedoelde u "h2-gedragsregels"?',
      'zwakke_themas[1]: onbekend thema "h9-onbekend"',
      'zwakke_themas[2]: onbekend thema "H4-HANDHAVING"; bedoelde u "h4-handhaving"?',
      'organisatie.type: kies uit: gemeente, provincie, waterschap, rijk; bedoelde u "gemeente"?',
      'planperiode.tot: een jaartal vanaf 2000',
    );
    expect(result.stderr).toContain('bevat 6 fout(en)');
  });
  test('a check across fields is reported together with a mistake elsewhere', async () => {
    const text = `${validAnswers.replace('datum: 2027-01-15', 'datum: morgen')}prioriteiten:\n  h2-waarden-en-normen: hoog\n`;
    await refuses(
      'kruis.yaml',
      text,
      'datum: schrijf een datum, bijvoorbeeld 2027-01-15',
      'prioriteiten.h2-waarden-en-normen: thema h2-waarden-en-normen staat niet bij zwakke_themas',
    );
  });
  test.each([
    ['toelichting: [a, b]', 'toelichting: hier hoort sleutels met waarden'],
    ['zwakke_themas: { a: 1 }', 'zwakke_themas: hier hoort een lijst'],
    ['planperiode: 2027', 'planperiode: hier hoort sleutels met waarden'],
    [
      'prioriteiten:\n  h4-handhaving: Hoog',
      'prioriteiten.h4-handhaving: kies uit: hoog, midden, laag; bedoelde u "hoog"?',
    ],
  ])('the wrong kind of value: %s', async (line, message) => {
    const key = line.split(':')[0]!;
    const text = validAnswers.replace(new RegExp(`^${key}:.*$`, 'm'), '') + `${line}\n`;
    await refuses(`soort-${key}.yaml`, text, message);
  });
});

describe('control characters are refused with key and line, and never echoed raw', () => {
  test.each([
    ['"Gemeente \\e[2J\\e[H"', 'U+001B (ESC)'],
    ['"Gemeente \\e]52;c;aGFjaw==\\a"', 'U+001B (ESC)'],
    ['"Gemeente \\x9b31m"', 'U+009B (CSI)'],
    ['"Gemeente \\u202eredlof"', 'U+202E (RIGHT-TO-LEFT OVERRIDE)'],
    ['"Gemeente\\rVoorbeeld"', 'U+000D (CR)'],
    ['"Gemeente\\0"', 'U+0000 (NUL)'],
    ['"Gemeente \\ud800"', 'half teken'],
    ['"Gemeente\\nVoorbeeld"', 'moet op één regel passen'],
  ])('naam: %s', async (value, what) => {
    await refuses(
      `stuurteken-${Buffer.from(value).toString('hex').slice(-12)}.yaml`,
      validAnswers.replace('Gemeente Voorbeeld', value),
      withLine(2),
      'organisatie.naam',
      what,
    );
  });
  test('in a toelichting and in a key', async () => {
    const text = `${validAnswers}toelichting:\n  h4-handhaving: "regel \\e[31m rood"\n  "h2-\\e[2Jgedragsregels": tekst\n`;
    await refuses(
      'stuurteken-toelichting.yaml',
      text,
      'toelichting.h4-handhaving',
      /toelichting:10 — een sleutel bevat|:10 — toelichting: een sleutel bevat/,
    );
  });
  test('an unknown theme id full of escape sequences is shown escaped', async () => {
    const result = await refuses(
      'esc-id.yaml',
      validAnswers.replace('h4-handhaving]', 'h4-handhaving, "\\e]52;c;aGFjaw==\\a"]'),
      'U+001B',
    );
    expect(result.stderr).not.toContain('\u001b');
  });
});

describe('the answers file itself', () => {
  test('a folder, a missing file, a symlink loop, a device and an oversized file', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(scratch.dir, 'map.yaml'));
    symlinkSync('lus-b.yaml', join(scratch.dir, 'lus-a.yaml'));
    symlinkSync('lus-a.yaml', join(scratch.dir, 'lus-b.yaml'));
    scratch.file('groot.yaml', `${validAnswers}# ${'x'.repeat(1024 * 1024)}\n`);
    const cases: [string, RegExp][] = [
      ['map.yaml', /er staat een map met deze naam\. Geef het bestand zelf op/],
      ['bestaat-niet.yaml', /het bestand of de map bestaat niet\. Controleer de naam/],
      ['lus-a.yaml', /kring van snelkoppelingen/],
      ['/dev/zero', /geen gewoon bestand/],
      ['groot.yaml', /groter dan 1 MB/],
    ];
    for (const [name, message] of cases) {
      await expectGenerateRefused(
        scratch,
        ['--antwoorden', name, '--formaten', 'md'],
        `antwoordenbestand ${name}`,
        message,
      );
    }
  });
});

describe('a value of another kind under any top-level key', () => {
  // Every key of the answers file, each given values of other kinds: accepted where that kind is valid
  // for the key, else refused under the shared rule naming the key — never an internal error (exit 2).
  const values = { leeg: 'null', getal: '5', tekst: 'zomaar tekst', lijst: '[1, 2]' };
  test('is accepted or refused with that key, for every key and every kind', async () => {
    const kb = await builtInKnowledge();
    const keys = Object.keys(answersSchema(kb).shape);
    expect(keys.length).toBeGreaterThan(15);
    let refused = 0;
    for (const key of keys) {
      const base = validAnswers
        .split('\n')
        .filter((line) => !line.startsWith(`${key}:`) && !(key === 'organisatie' && line.startsWith('  ')))
        .join('\n');
      for (const [kind, value] of Object.entries(values)) {
        const name = `soort-${key}-${kind}.yaml`;
        scratch.file(name, `${base}${key}: ${value}\n`);
        const result = await runInProcess(
          ['genereer', '--antwoorden', name, '--formaten', 'md', '--uitvoer', `uit-${key}-${kind}`],
          scratch.dir,
        );
        if (result.code === 0) continue;
        expectRefused(result, name, new RegExp(`— ${key}\\b`));
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(keys.length * 2);
  });
});
