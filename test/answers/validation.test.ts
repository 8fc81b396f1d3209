import { parseAnswers } from '../../src/answers/load.js';
import { formatProblem, UserError } from '../../src/validation/problem.js';
import { builtInKnowledge } from '../support/knowledge.js';

async function problemsOf(yaml: string): Promise<string[]> {
  const kb = await builtInKnowledge();
  try {
    parseAnswers(yaml, 'antwoorden.yaml', kb);
  } catch (error) {
    if (error instanceof UserError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

const valid = `organisatie:
  naam: Gemeente Voorbeeld
  type: gemeente
hoofdstukken: [h2, h3, h4, h56]
zwakke_themas: [h2-gedragsregels, h4-handhaving, h56-rol-griffier]
planperiode: { van: 2027, tot: 2030 }
datum: 2027-01-15
`;

test('the example from the issue is valid', async () => {
  expect(await problemsOf(valid)).toEqual([]);
});

test('an unknown theme id gets a "bedoelde u" suggestion with file, key and line', async () => {
  const problems = await problemsOf(valid.replace('h2-gedragsregels', 'h2-gedragregels'));
  expect(problems).toEqual([
    'antwoorden.yaml:5 — zwakke_themas[0]: onbekend thema "h2-gedragregels"; bedoelde u "h2-gedragsregels"?',
  ]);
});

test('a theme outside the chosen chapters is an error', async () => {
  const problems = await problemsOf(valid.replace('[h2, h3, h4, h56]', '[h2, h3, h4]'));
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatch(
    /^antwoorden\.yaml:5 — zwakke_themas\[2\]: thema h56-rol-griffier hoort bij hoofdstuk h56/,
  );
});

test('h3 and h56 are refused for rijk, with what would be valid', async () => {
  const problems = await problemsOf(valid.replace('type: gemeente', 'type: rijk'));
  expect(
    problems.some((p) =>
      /^antwoorden\.yaml:4 — hoofdstukken\[1\]: hoofdstuk h3 geldt niet voor type rijk; kies uit: h2, h4/.test(p),
    ),
  ).toBe(true);
  expect(problems.some((p) => p.includes('hoofdstukken[3]: hoofdstuk h56 geldt niet'))).toBe(true);
});

test('van after tot is an error on the key tot', async () => {
  const problems = await problemsOf(valid.replace('{ van: 2027, tot: 2030 }', '{ van: 2031, tot: 2030 }'));
  expect(problems).toEqual(['antwoorden.yaml:6 — planperiode.tot: "van" moet vóór of gelijk aan "tot" liggen']);
});

test('an empty name is an error', async () => {
  const problems = await problemsOf(valid.replace('naam: Gemeente Voorbeeld', 'naam: "  "'));
  expect(problems).toEqual(['antwoorden.yaml:2 — organisatie.naam: de naam van de organisatie mag niet leeg zijn']);
});

test('an unknown type and an unknown key are named with what is allowed', async () => {
  const problems = await problemsOf(valid.replace('type: gemeente', 'type: stadsdeel').replace('datum:', 'datm:'));
  expect(problems.join('\n')).toMatch(/organisatie\.type: kies uit: gemeente, provincie, waterschap, rijk/);
  expect(problems.join('\n')).toMatch(/datm: onbekende sleutel; bedoelde u "datum"\?/);
});

test('a bad date and a YAML syntax error are reported with their line', async () => {
  expect(await problemsOf(valid.replace('2027-01-15', '2027-02-30'))).toEqual([
    'antwoorden.yaml:7 — datum: deze datum bestaat niet',
  ]);
  const syntax = await problemsOf('organisatie:\n  naam: [x\n');
  expect(syntax[0]).toMatch(/^antwoorden\.yaml:\d+ — geen geldige YAML/);
});

test('JSON answers work too', async () => {
  const json = JSON.stringify({
    organisatie: { naam: 'Waterschap X', type: 'waterschap' },
    zwakke_themas: [],
    planperiode: { van: 2027, tot: 2027 },
  });
  expect(await problemsOf(json)).toEqual([]);
});

test('a missing key and a wrong kind of value are explained in a YAML user’s words', async () => {
  expect(await problemsOf(valid.replace('planperiode: { van: 2027, tot: 2030 }\n', ''))).toEqual([
    'antwoorden.yaml:1 — planperiode: deze sleutel ontbreekt',
  ]);
  expect(
    await problemsOf(
      valid.replace(
        'zwakke_themas: [h2-gedragsregels, h4-handhaving, h56-rol-griffier]',
        'zwakke_themas: h2-gedragsregels',
      ),
    ),
  ).toEqual(['antwoorden.yaml:5 — zwakke_themas: hier hoort een lijst, bijvoorbeeld [a, b]; er staat een tekst']);
});

test.each(['2027-01-15', '15-01-2027', '15-1-2027', '15 januari 2027', '15 jan 2027', '15 Jan. 2027'])(
  'the date %s, as a Dutch user writes it, is kept as 2027-01-15',
  async (written) => {
    const kb = await builtInKnowledge();
    expect(parseAnswers(valid.replace('2027-01-15', written), 'a.yaml', kb).datum).toBe('2027-01-15');
  },
);

test('a date in no known form, or one that does not exist, gets one clear message', async () => {
  expect(await problemsOf(valid.replace('2027-01-15', '15/01/2027'))).toEqual([
    'antwoorden.yaml:7 — datum: schrijf een datum, bijvoorbeeld 2027-01-15, 15-01-2027 of 15 januari 2027',
  ]);
  expect(await problemsOf(valid.replace('2027-01-15', '30 februari 2027'))).toEqual([
    'antwoorden.yaml:7 — datum: deze datum bestaat niet',
  ]);
});

test('a wrong type and an unknown theme id are reported in the same run', async () => {
  const problems = await problemsOf(
    valid.replace('type: gemeente', 'type: gemeenten').replace('h4-handhaving', 'h4-handhaaving'),
  );
  expect(problems).toEqual([
    'antwoorden.yaml:3 — organisatie.type: kies uit: gemeente, provincie, waterschap, rijk; bedoelde u "gemeente"?',
    'antwoorden.yaml:5 — zwakke_themas[1]: onbekend thema "h4-handhaaving"; bedoelde u "h4-handhaving"?',
  ]);
});
