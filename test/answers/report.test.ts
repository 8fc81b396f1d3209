import { parseAnswers } from '../../src/answers/load.js';
import { formatProblem, UserError } from '../../src/validation/problem.js';
import { builtInKnowledge } from '../support/knowledge.js';

/** The answers' keys of the rapportage and its letter (`rapportage:`, `aanbieding:`): the same rules as every key. */

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

const organisation = (type: string) => `organisatie:
  naam: Voorbeeld
  type: ${type}
zwakke_themas: []
planperiode: { van: 2027, tot: 2030 }
verslagjaar: 2027
`;

test('every key of the example is valid', async () => {
  const yaml = `${organisation('gemeente')}rapportage:
  meldingen_als: zin
  register_sinds: 2019
  cijfers:
    jaar: 2027
    adviesvragen: 0
    onderzoeken: { intern: 2, extern: 0 }
    vertrouwenspersoon: { gesprekken: 4, meldingen: 4, voorlichtingen: 1 }
    trainingen: { aantal: 1, deelnemers: 20, toelichting: Een e-learning. }
aanbieding:
  behandeling: ter-bespreking
  commissie: commissie Bestuur
  publicatie: op de website
`;
  expect(await problemsOf(yaml)).toEqual([]);
});

test('counts are whole numbers of 0 or more, a part is at most its whole, and unknown keys are named', async () => {
  const yaml = `${organisation('gemeente')}rapportage:
  cijfers:
    jaar: 2027
    adviesvragen: -1
    onderzoeken: { intern: 2.5, extren: 1 }
    vertrouwenspersoon: { gesprekken: 2, meldingen: 3 }
    trainingen: { aantal: veel }
`;
  expect(await problemsOf(yaml)).toEqual([
    'antwoorden.yaml:10 — rapportage.cijfers.adviesvragen: een aantal is 0 of meer',
    'antwoorden.yaml:11 — rapportage.cijfers.onderzoeken.intern: een aantal is een heel getal',
    'antwoorden.yaml:11 — rapportage.cijfers.onderzoeken.extren: onbekende sleutel; bedoelde u "extern"?',
    'antwoorden.yaml:12 — rapportage.cijfers.vertrouwenspersoon.meldingen: de gesprekken die uitmondden in een melding zijn er hoogstens zoveel als alle gesprekken',
    'antwoorden.yaml:13 — rapportage.cijfers.trainingen.aantal: vul een aantal in: een heel getal, 0 of meer',
  ]);
});

test('figures need the year they are for', async () => {
  const yaml = `${organisation('gemeente')}rapportage:
  cijfers:
    adviesvragen: 3
`;
  expect(await problemsOf(yaml)).toEqual([
    'antwoorden.yaml:8 — rapportage.cijfers.jaar: vul een jaartal in, bijvoorbeeld 2027',
  ]);
});

test('the choices: tables or sentences, for information or for discussion', async () => {
  const yaml = `${organisation('gemeente')}rapportage:
  meldingen_als: tekst
aanbieding:
  behandeling: bespreken
`;
  expect(await problemsOf(yaml)).toEqual([
    'antwoorden.yaml:8 — rapportage.meldingen_als: kies uit: tabel, zin',
    'antwoorden.yaml:10 — aanbieding.behandeling: kies uit: ter-informatie, ter-bespreking',
  ]);
});

test('a commissie: only for discussion, without an article, and not for the Rijk', async () => {
  const withCommissie = (type: string, lines: string) => `${organisation(type)}aanbieding:\n${lines}`;
  expect(await problemsOf(withCommissie('gemeente', '  commissie: commissie Bestuur\n'))).toEqual([
    'antwoorden.yaml:8 — aanbieding.commissie: een commissie hoort bij behandeling: ter-bespreking; zet die erbij of laat commissie weg',
  ]);
  expect(
    await problemsOf(withCommissie('provincie', '  behandeling: ter-bespreking\n  commissie: de commissie Bestuur\n')),
  ).toEqual([
    'antwoorden.yaml:9 — aanbieding.commissie: schrijf de naam zonder lidwoord, bijvoorbeeld "commissie Bestuur"',
  ]);
  expect(await problemsOf(withCommissie('rijk', '  behandeling: ter-bespreking\n  commissie: bestuursraad\n'))).toEqual(
    [
      'antwoorden.yaml:9 — aanbieding.commissie: het Rijk heeft geen volksvertegenwoordiging met commissies; laat commissie weg',
    ],
  );
  expect(await problemsOf(withCommissie('rijk', '  behandeling: ter-bespreking\n'))).toEqual([]);
});
