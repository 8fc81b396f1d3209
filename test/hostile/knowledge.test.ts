import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtInKnowledgeDir } from '../../src/paths.js';
import { runInProcess } from '../support/cli.js';
import { expectGenerateRefused, expectRefused, Scratch, validAnswers } from './support.js';

let scratch: Scratch;
let answers: string;
beforeAll(() => {
  scratch = new Scratch();
  answers = scratch.file('antwoorden.yaml', validAnswers);
});
afterAll(() => scratch.remove());

/** A copy of the built-in knowledge base, spoiled by `spoil`. */
function copy(name: string, spoil: (dir: string) => void): string {
  const dir = join(scratch.dir, name);
  cpSync(builtInKnowledgeDir, dir, { recursive: true });
  spoil(dir);
  return dir;
}

const theme = 'themas/h2-gedragsregels.yaml';

/** `controleer` reports it (with everything else) and `genereer` refuses to make anything. */
async function refused(dir: string, ...mentions: (string | RegExp)[]) {
  expectRefused(await runInProcess(['controleer', '--kennisbank', dir], scratch.dir), ...mentions);
  await expectGenerateRefused(scratch, ['--antwoorden', answers, '--kennisbank', dir, '--formaten', 'md'], ...mentions);
}

test.each([
  [
    'a folder in place of a file',
    (dir: string) => {
      rmSync(join(dir, 'rollen.yaml'));
      mkdirSync(join(dir, 'rollen.yaml'));
    },
    'rollen.yaml',
    'er staat een map met deze naam',
  ],
  [
    'a folder named like a theme file',
    (dir: string) => mkdirSync(join(dir, 'themas', 'h9-extra.yaml')),
    'h9-extra.yaml',
    'er staat een map met deze naam',
  ],
  [
    'a loop of links',
    (dir: string) => {
      rmSync(join(dir, theme));
      symlinkSync('h2-gedragsregels.yaml', join(dir, theme));
    },
    'h2-gedragsregels.yaml',
    'kring van snelkoppelingen',
  ],
  [
    'a file saved as UTF-16',
    (dir: string) => writeFileSync(join(dir, 'bron.yaml'), Buffer.from('\ufeffversie: 1\n', 'utf16le')),
    'bron.yaml',
    'opgeslagen als UTF-16',
  ],
  [
    'an alias bomb',
    (dir: string) =>
      writeFileSync(
        join(dir, 'hoofdstukken.yaml'),
        [
          '- &a [x, x, x, x, x, x, x, x, x]',
          ...'bcdefg'.split('').map((n, i) => `- &${n} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`),
        ].join('\n'),
      ),
    'hoofdstukken.yaml:2',
    'verwijzingen (*naam)',
  ],
  [
    'an escape sequence in a title',
    (dir: string) => {
      const text = readFileSync(join(dir, theme), 'utf8').replace(/^titel: .*$/m, 'titel: "Gedragsregels\\e[2J"');
      writeFileSync(join(dir, theme), text);
    },
    'titel',
    'U+001B (ESC)',
  ],
  [
    'a text far too long',
    (dir: string) => {
      const text = readFileSync(join(dir, theme), 'utf8').replace(/^titel: .*$/m, `titel: ${'x'.repeat(20001)}`);
      writeFileSync(join(dir, theme), text);
    },
    'titel',
    'te lang: hoogstens 20000 tekens',
  ],
])('%s', async (_title, spoil, ...mentions) => {
  const dir = copy(_title.replace(/\W+/g, '-'), spoil);
  await refused(dir, ...mentions);
});
