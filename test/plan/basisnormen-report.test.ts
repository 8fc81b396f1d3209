import type { KnowledgeBase } from '../../src/knowledge/model.js';
import { basisnormIds } from '../../src/knowledge/schema.js';
import { builtInKnowledge } from '../support/knowledge.js';
import { answersFrom } from '../support/plan.js';
import { prose, render, rowsOf, tableAfter } from '../support/report.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await builtInKnowledge();
});

const section = '2.1 Stand van de basisnormen';
const allPresent = Object.fromEntries(basisnormIds.map((id) => [id, 'aanwezig']));

function reportAnswers(extra: object = {}) {
  return answersFrom(kb, {
    organisatie: { naam: 'Gemeente Proef', type: 'gemeente' },
    zwakke_themas: ['h2-gedragsregels'],
    planperiode: { van: 2027, tot: 2030 },
    datum: '2028-02-15',
    verslagjaar: 2027,
    ...extra,
  });
}

test('the rapportage gives each norm’s stand, what changed since the previous stand, and the measures that served it', async () => {
  const answers = reportAnswers({
    basisnormen: {
      ...allPresent,
      gedragscodes: { stand: 'aanwezig', vorige_stand: 'deels' },
      'eed-of-belofte': {
        stand: 'ontbreekt',
        vorige_stand: 'ontbreekt',
        toelichting: 'De eed wordt nog niet afgenomen.',
      },
      'financiele-belangen': 'ontbreekt',
    },
  });
  const { tree, model } = await render('rapportage', kb, answers);
  const rows = new Map(rowsOf(tableAfter(tree, section)).map(([norm, ...rest]) => [norm!, rest]));
  expect(rows.size).toBe(13);
  expect(rows.get('Gedragscodes')).toEqual(['aanwezig (was: deels)', 'geen nodig']);
  expect(rows.get('Aandacht voor integriteit')).toEqual(['aanwezig', 'geen nodig']);
  const serving = model.actieplan.filter((m) => m.basisnormen.some((n) => n.id === 'financiele-belangen'));
  expect(serving.length).toBeGreaterThan(0);
  const [stand, measures] = rows.get('Financiële belangen')!;
  expect(stand).toBe('ontbreekt');
  // Each serving measure with its state eind 2027: to fill in when due, "later gepland" when not yet.
  expect(measures).toBe(
    serving.map((m) => `${m.nr} (${m.jaar! <= 2027 ? '[invullen: stand]' : 'later gepland'})`).join('; '),
  );
  expect(rows.get('Eed of belofte')![0]).toBe('ontbreekt (ongewijzigd)');
  const text = prose(tree);
  expect(text).toContain('Eed of belofte: De eed wordt nog niet afgenomen.');
  expect(text).toContain('met de stand daarvoor waar die bekend is');
});

test('a status from the answers shows with the measure that served the norm', async () => {
  const base = reportAnswers({ basisnormen: { ...allPresent, informatiebescherming: 'deels' } });
  const { tree } = await render('rapportage', kb, {
    ...base,
    maatregel_status: { 'informatie-beschermen': 'uitgevoerd' },
  });
  expect(rowsOf(tableAfter(tree, section)).find((row) => row[0] === 'Informatiebescherming')![2]).toMatch(
    /^\d+ \(uitgevoerd\)$/,
  );
});

test('without a basisnormen section the rapportage section is a table to fill in', async () => {
  const { tree } = await render('rapportage', kb, reportAnswers());
  const rows = rowsOf(tableAfter(tree, section));
  expect(rows).toHaveLength(13);
  expect(
    rows.every(
      ([, stand, measures]) =>
        stand === '[invullen: aanwezig, deels, ontbreekt of onbekend]' && measures === '[invullen: …]',
    ),
  ).toBe(true);
  expect(prose(tree)).toContain('De stand van de basisnormen integriteit is niet opgegeven.');
});

test('the letter says in one sentence how many norms are in place and which are missing, only when given', async () => {
  const given = reportAnswers({
    basisnormen: {
      ...allPresent,
      'eed-of-belofte': 'ontbreekt',
      'financiele-belangen': 'ontbreekt',
      geschenken: 'deels',
    },
  });
  const letter = prose((await render('brief', kb, given)).tree);
  expect(letter).toContain(
    'Van de dertien basisnormen integriteit zijn er tien aanwezig en ontbreken er twee: Eed of belofte en Financiële belangen.',
  );
  const one = prose(
    (await render('brief', kb, reportAnswers({ basisnormen: { ...allPresent, screening: 'ontbreekt' } }))).tree,
  );
  expect(one).toContain('zijn er twaalf aanwezig en ontbreekt er één: Screening bij werving en selectie.');
  const none = prose((await render('brief', kb, reportAnswers())).tree);
  expect(none).not.toContain('basisnormen');
  // Offering the plan: the same sentence, once.
  const plan = prose((await render('brief', kb, given, { offered: ['beleidsplan', 'rapportage'] })).tree);
  expect(plan.match(/Van de dertien basisnormen/g)).toHaveLength(1);
  expect(plan).toContain('en de basisnormen die niet op orde zijn bevat het plan');
});
