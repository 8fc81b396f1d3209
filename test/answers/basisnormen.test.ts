import { parseAnswers } from '../../src/answers/load.js';
import { formatProblem, UserError } from '../../src/validation/problem.js';
import { builtInKnowledge } from '../support/knowledge.js';

const head = `organisatie: { naam: Gemeente Voorbeeld, type: gemeente }
zwakke_themas: []
planperiode: { van: 2027, tot: 2030 }
basisnormen:
`;

async function parse(section: string) {
  const kb = await builtInKnowledge();
  return parseAnswers(head + section, 'antwoorden.yaml', kb);
}

async function problemsOf(section: string): Promise<string[]> {
  try {
    await parse(section);
  } catch (error) {
    if (error instanceof UserError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

test('the short and the long form of the issue read as one shape', async () => {
  const answers = await parse(`  eed-of-belofte: aanwezig
  nevenwerkzaamheden: { stand: deels, toelichting: "register bestaat, openbaarmaking niet" }
  financiele-belangen: ontbreekt
  kwetsbare-functies: { stand: aanwezig, herzien: 2019 }
  geschenken: onbekend
`);
  expect(answers.basisnormen).toEqual({
    'eed-of-belofte': { stand: 'aanwezig' },
    nevenwerkzaamheden: { stand: 'deels', toelichting: 'register bestaat, openbaarmaking niet' },
    'financiele-belangen': { stand: 'ontbreekt' },
    'kwetsbare-functies': { stand: 'aanwezig', herzien: 2019 },
    geschenken: { stand: 'onbekend' },
  });
});

test('without the section there is none (the plan shows a table to fill in)', async () => {
  const kb = await builtInKnowledge();
  expect(parseAnswers(head.replace('basisnormen:\n', ''), 'antwoorden.yaml', kb).basisnormen).toBeUndefined();
});

test('an unknown norm id gets "bedoelde u", like a theme id; a wrong stand lists the four; all with their line', async () => {
  expect(
    await problemsOf(`  eed-of-belofe: aanwezig
  nevenwerkzaamheden: { stand: half }
  geschenken: { stand: deels, herzien: twee }
  gedragscodes: { toelichting: Herzien in 2019. }
  screening: { stand: deels, opmerking: x }
`),
  ).toEqual([
    'antwoorden.yaml:5 — basisnormen.eed-of-belofe: onbekende basisnorm "eed-of-belofe"; bedoelde u "eed-of-belofte"?',
    'antwoorden.yaml:6 — basisnormen.nevenwerkzaamheden.stand: kies uit: aanwezig, deels, ontbreekt, onbekend',
    'antwoorden.yaml:7 — basisnormen.geschenken.herzien: vul een jaartal in, bijvoorbeeld 2019',
    'antwoorden.yaml:8 — basisnormen.gedragscodes.stand: kies uit: aanwezig, deels, ontbreekt, onbekend',
    'antwoorden.yaml:9 — basisnormen.screening.opmerking: onbekende sleutel; hier kunnen staan: stand, toelichting, herzien, vorige_stand',
  ]);
});

test('an own measure may name the basisnormen it serves; an unknown one gets a suggestion', async () => {
  const kb = await builtInKnowledge();
  const own = (norm: string) => `${head}  geschenken: deels
actieplan:
  eigen:
    - { id: eigen-register, tekst: Houd een register van geschenken bij., eigenaar: hr, basisnormen: [${norm}], kwartaal: K2 2027 }
`;
  expect(parseAnswers(own('geschenken'), 'antwoorden.yaml', kb).actieplan?.eigen?.[0]?.basisnormen).toEqual([
    'geschenken',
  ]);
  try {
    parseAnswers(own('geschenk'), 'antwoorden.yaml', kb);
    throw new Error('accepted');
  } catch (error) {
    expect((error as UserError).problems.map(formatProblem)).toEqual([
      'antwoorden.yaml:8 — actieplan.eigen[0].basisnormen[0]: onbekende basisnorm "geschenk"; bedoelde u "geschenken"?',
    ]);
  }
});
