import type { Answers } from '../../src/answers/schema.js';
import { generateDocuments } from '../../src/generate.js';
import { buildActionPlan, lateLegalDuty } from '../../src/plan/actions.js';
import type { KnowledgeBase } from '../../src/knowledge/model.js';
import { legalDutiesOf, openLegalDuties } from '../../src/plan/rules.js';
import { warningText } from '../../src/plan/warnings.js';
import { builtInKnowledge } from '../support/knowledge.js';
import { answersFrom, documentText, exampleAnswers, model, renderTree } from '../support/plan.js';
import { prose, render } from '../support/report.js';
import { withTempDir } from '../support/tools.js';

/*
 * A measure that carries out a legal duty starts in the first year of the plan, unless the answers say
 * the duty is met (every basisnorm it serves on that rule `aanwezig`); the plan says why, the letter
 * how many, and an officer who moves one later keeps the move with a warning.
 */

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await builtInKnowledge();
});
const measure = (id: string) => kb.measures.find((m) => m.id === id)!;
const quarterOf = (answers: Answers, id: string) => {
  const when = buildActionPlan(kb, answers).measures.find((m) => m.id === id)!.when!;
  return `K${when.kwartaal} ${when.jaar}`;
};
async function planText(answers: Answers) {
  return documentText(await renderTree('beleidsplan', model(kb, answers))).join('\n');
}
async function letterText(answers: Answers) {
  return prose((await render('brief', kb, answers, { offered: ['beleidsplan'] })).tree);
}

describe('the rule (rules.ts)', () => {
  test('a duty holds for the types of its rule: the Gemeentewet for a gemeente, none of it for the Rijk', () => {
    const gemeente = exampleAnswers(kb, 'gemeente');
    const rijk = exampleAnswers(kb, 'rijk');
    expect(legalDutiesOf(kb, gemeente, measure('nevenfuncties-openbaar')).map((d) => d.vindplaats)).toEqual([
      'Gemeentewet, artikelen 12, 41b en 67',
    ]);
    expect(legalDutiesOf(kb, rijk, measure('gedragscode-herzien')).map((d) => d.regel)).toEqual([
      'ambtenarenwet-art-4',
      'gedragscode-rijk',
    ]);
    expect(legalDutiesOf(kb, gemeente, measure('gedragscode-herzien')).map((d) => d.regel)).toEqual([
      'ambtenarenwet-art-4',
    ]);
    expect(legalDutiesOf(kb, rijk, measure('bestuurlijke-integriteit-bevorderen'))).toEqual([]);
    expect(legalDutiesOf(kb, gemeente, measure('vertrouwenspersoon'))).toEqual([]);
  });

  test('a duty is open without a basisnormen section, or with its norm deels, ontbreekt or onbekend; met when aanwezig', () => {
    const base = exampleAnswers(kb, 'rijk');
    const werving = measure('werving-en-introductie');
    const withStand = (stand: string) => ({ ...base, basisnormen: { 'eed-of-belofte': { stand } } }) as Answers;
    expect(openLegalDuties(kb, base, werving)).toHaveLength(1);
    for (const stand of ['deels', 'ontbreekt', 'onbekend'])
      expect(openLegalDuties(kb, withStand(stand), werving)).toHaveLength(1);
    expect(openLegalDuties(kb, withStand('aanwezig'), werving)).toEqual([]);
    // The measure also serves screening, but the law asks the eed of belofte of it: screening's stand does not count.
    const screeningOnly = {
      ...base,
      basisnormen: { screening: { stand: 'ontbreekt' }, 'eed-of-belofte': { stand: 'aanwezig' } },
    };
    expect(openLegalDuties(kb, screeningOnly as Answers, werving)).toEqual([]);
    // The yearly account (art. 4) serves no basisnorm: no stand can mark it met.
    const allPresent = Object.fromEntries(kb.basisnormen.normen.map((n) => [n.id, { stand: 'aanwezig' }]));
    expect(
      openLegalDuties(kb, { ...base, basisnormen: allPresent } as Answers, measure('integriteitsrapportage')),
    ).toHaveLength(1);
  });
});

describe('the gemeente example (no basisnormen section)', () => {
  test('plans the measures the law asks for in 2027, in its first quarters, and names the provision', async () => {
    const answers = exampleAnswers(kb, 'gemeente');
    // Before this rule: K4 2029, K3 2027 and K2 2027.
    expect(quarterOf(answers, 'nevenfuncties-openbaar')).toBe('K2 2027');
    expect(quarterOf(answers, 'meldprocedure-en-protocol')).toBe('K2 2027');
    expect(quarterOf(answers, 'gedragscodes-politieke-ambtsdragers')).toBe('K2 2027');
    // What comes first stays first.
    expect(quarterOf(answers, 'bestaande-regels-bekendmaken')).toBe('K1 2027');
    const text = await planText(answers);
    expect(text).toContain(
      'Maak de andere functies van de politieke ambtsdragers openbaar zoals de wet vraagt, terstond en ook elektronisch, en houd het overzicht actueel. Wettelijke plicht: Gemeentewet, artikelen 12, 41b en 67.',
    );
    expect(text).toContain(
      'Wat de wet voorschrijft, gaat voor: een maatregel die een wettelijke plicht uitvoert, begint in 2027, zo vroeg als de ruimte per kwartaal toelaat, en bij die maatregel staat waar de wet dat voorschrijft. Dat geldt voor drie maatregelen.',
    );
    // Once, in the action plan, where the planning is read.
    expect(text.match(/Wettelijke plicht: Gemeentewet, artikelen 12, 41b en 67\./g)).toHaveLength(1);
    const letter = await letterText(answers);
    expect(letter).toContain('Daarvan voeren er drie een wettelijke plicht uit en beginnen daarom in 2027.');
  });

  test('the rijk example plans the eed of belofte for new staff in 2027, not in 2030', () => {
    expect(quarterOf(exampleAnswers(kb, 'rijk'), 'werving-en-introductie')).toBe('K1 2027');
  });
});

test('a duty the answers mark as met follows the spread like any measure, without the note', async () => {
  const allPresent = Object.fromEntries(kb.basisnormen.normen.map((n) => [n.id, 'aanwezig']));
  const answers = answersFrom(kb, {
    organisatie: { naam: 'Dienst Proef', type: 'rijk' },
    zwakke_themas: ['h2-voorbeeldfunctie-management', 'h2-eerlijke-behandeling', 'h4-personeelsbeleid-en-cultuur'],
    prioriteiten: { 'h2-voorbeeldfunctie-management': 'hoog' },
    planperiode: { van: 2027, tot: 2030 },
    datum: '2027-01-15',
    basisnormen: allPresent,
  });
  expect(Number(quarterOf(answers, 'werving-en-introductie').slice(-4))).toBeGreaterThan(2027);
  const plan = model(kb, answers);
  expect(plan.actieplan.filter((m) => m.wettelijkePlicht.length > 0).map((m) => m.id)).toEqual([]);
  const text = await planText(answers);
  expect(text).not.toContain('Wettelijke plicht:');
  expect(text).not.toContain('Wat de wet voorschrijft, gaat voor');
});

test('a basisnorm deels puts its legal measure in the first year, also one that serves no weak theme', () => {
  const answers = answersFrom(kb, {
    organisatie: { naam: 'Gemeente Proef', type: 'gemeente' },
    zwakke_themas: ['h2-samenwerking', 'h2-eerlijke-behandeling', 'h2-voorbeeldfunctie-management'],
    planperiode: { van: 2027, tot: 2030 },
    datum: '2027-01-15',
    basisnormen: { nevenwerkzaamheden: 'deels', informatiebescherming: 'ontbreekt' },
  });
  expect(quarterOf(answers, 'register-nevenwerkzaamheden')).toMatch(/ 2027$/);
  expect(quarterOf(answers, 'nevenfuncties-openbaar')).toMatch(/ 2027$/);
});

test('an officer who moves a legal measure past the first year keeps the move, with a warning and a word in the plan', async () => {
  const answers = {
    ...exampleAnswers(kb, 'gemeente'),
    actieplan: { maatregelen: { 'nevenfuncties-openbaar': { kwartaal: { jaar: 2029, kwartaal: 3 } } } },
  } as Answers;
  const plan = buildActionPlan(kb, answers);
  expect(quarterOf(answers, 'nevenfuncties-openbaar')).toBe('K3 2029');
  const warning = plan.warnings.find((w) => w.kind === 'legalDutyAfterFirstYear')!;
  expect(warningText(warning)).toBe(
    'Let op: maatregel nevenfuncties-openbaar voert een wettelijke plicht uit (Gemeentewet, artikelen 12, 41b en 67), maar staat in K3 2029, na het eerste jaar van het plan (2027). Kies in actieplan.maatregelen een kwartaal in 2027 voor nevenfuncties-openbaar, of laat het zo als de organisatie die plicht al nakomt.',
  );
  const text = await planText(answers);
  expect(text).toContain(
    'Dat geldt voor twee maatregelen. Daarnaast staat er één later, omdat de organisatie die maatregel zelf zo heeft gepland.',
  );
  expect(await letterText(answers)).toContain(
    'Daarvan voeren er twee een wettelijke plicht uit en beginnen daarom in 2027.',
  );
  // genereer and the wizard get the warning from the one route to the documents.
  await withTempDir(async (dir) => {
    const { warnings } = await generateDocuments({
      answers,
      knowledge: kb,
      documents: ['beleidsplan'],
      formats: ['md'],
      outputDir: dir,
      today: '2027-01-15',
    });
    expect(warnings).toEqual([warning]);
  });
  // Moved within the first year: no warning.
  const early = {
    ...answers,
    actieplan: { maatregelen: { 'nevenfuncties-openbaar': { kwartaal: { jaar: 2027, kwartaal: 4 } } } },
  } as Answers;
  expect(buildActionPlan(kb, early).warnings.map((w) => w.kind)).not.toContain('legalDutyAfterFirstYear');
});

test('two legal measures moved later: the plan says "staan er twee later"', async () => {
  const answers = {
    ...exampleAnswers(kb, 'gemeente'),
    actieplan: {
      maatregelen: {
        'nevenfuncties-openbaar': { kwartaal: { jaar: 2029, kwartaal: 3 } },
        'meldprocedure-en-protocol': { kwartaal: { jaar: 2028, kwartaal: 1 } },
      },
    },
  } as Answers;
  expect(await planText(answers)).toContain(
    'Dat geldt voor één maatregel. Daarnaast staan er twee later, omdat de organisatie die maatregelen zelf zo heeft gepland.',
  );
});

test('a legal measure after a measure the officer placed later: the plan and the warning give that reason', async () => {
  const answers = answersFrom(kb, {
    ...exampleAnswers(kb, 'gemeente'),
    basisnormen: { gedragscodes: 'ontbreekt' },
    actieplan: { maatregelen: { 'basisnormen-toets': { kwartaal: 'K1 2030' } } },
  });
  const late = buildActionPlan(kb, answers).measures.filter((m) => lateLegalDuty(m, 2027) === 'predecessor');
  expect(late.map((m) => m.id)).toContain('gedragscode-herzien');
  const text = await planText(answers);
  expect(text).not.toContain('zelf zo heeft gepland');
  expect(text).toMatch(/(Verder|Toch) staat er één later, omdat die voortbouwt op een maatregel die later staat\./);
  const warning = buildActionPlan(kb, answers).warnings.find(
    (w) => w.kind === 'legalDutyAfterFirstYear' && w.measure === 'gedragscode-herzien',
  )!;
  expect(warningText(warning)).toContain(', omdat hij voortbouwt op een maatregel die later staat.');
});
