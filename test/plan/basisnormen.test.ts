import type { KnowledgeBase } from '../../src/knowledge/model.js';
import type { OrganisationTypeId } from '../../src/knowledge/schema.js';
import { basisnormIds } from '../../src/knowledge/schema.js';
import { builtInKnowledge } from '../support/knowledge.js';
import { answersFrom, model, renderTree } from '../support/plan.js';
import { prose, rowsOf, tableAfter, tablesAfter } from '../support/report.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await builtInKnowledge();
});

const allPresent = Object.fromEntries(basisnormIds.map((id) => [id, 'aanwezig']));

function planOf(type: OrganisationTypeId, extra: object = {}) {
  return answersFrom(kb, {
    organisatie: { naam: 'Organisatie Proef', type },
    zwakke_themas: [],
    planperiode: { van: 2027, tot: 2030 },
    datum: '2027-01-15',
    ...extra,
  });
}

const chapter = '5 Stand van de basisnormen';
/** The chapter's table: norm → [legal basis, stand, what the plan does]. */
async function normTable(answers: ReturnType<typeof planOf>) {
  const m = model(kb, answers);
  const tree = await renderTree('beleidsplan', m);
  const rows = rowsOf(tableAfter(tree, chapter));
  return { m, tree, rows: new Map(rows.map(([norm, ...rest]) => [norm!, rest])) };
}
const title = (id: string) => kb.basisnormen.normen.find((norm) => norm.id === id)!.titel;

describe.each([
  ['gemeente', /Gemeentewet, artikel 15, derde lid/, /Provinciewet|Waterschapswet|Gedragscode Integriteit Rijk/],
  ['provincie', /Provinciewet, artikel 15, derde lid/, /Gemeentewet|Waterschapswet|Gedragscode Integriteit Rijk/],
  ['waterschap', /Waterschapswet, artikel 33, derde lid/, /Gemeentewet|Provinciewet|Gedragscode Integriteit Rijk/],
  ['rijk', /Gedragscode Integriteit Rijk/, /Gemeentewet|Provinciewet|Waterschapswet|wethouders/],
] as const)('a %s plan', (type, ownCode, foreign) => {
  test('shows all 13 norms, each with the legal basis for this type and none of another type', async () => {
    const { rows, tree } = await normTable(planOf(type, { basisnormen: allPresent }));
    expect([...rows.keys()]).toEqual(kb.basisnormen.normen.map((norm) => norm.titel));
    expect(rows.size).toBe(13);
    const bases = [...rows.values()].map(([basis]) => basis!);
    expect(rows.get(title('gedragscodes'))![0]).toMatch(/^Ambtenarenwet 2017, artikel 4, derde lid/);
    expect(rows.get(title('gedragscodes'))![0]).toMatch(ownCode);
    expect(rows.get(title('eed-of-belofte'))![0]).toBe(
      'Ambtenarenwet 2017, artikel 5, eerste lid, onder a, en artikel 7',
    );
    expect(rows.get(title('financiele-belangen'))![0]).toBe('Ambtenarenwet 2017, artikel 5, eerste lid, onder d');
    expect(rows.get(title('melden-misstand'))![0]).toMatch(
      /^Ambtenarenwet 2017, artikel 5, eerste lid, onder e; Wet bescherming klokkenluiders/,
    );
    // A norm without a provision in the law rests on the Modelaanpak.
    expect(rows.get(title('informatiebescherming'))![0]).toBe('Modelaanpak basisnormen');
    expect(bases.join(' ')).not.toMatch(foreign);
    // The chapter itself speaks of this type's law only.
    expect(JSON.stringify(tablesAfter(tree, chapter))).not.toMatch(foreign);
    // Every norm in place: nothing to do, no measure in the plan.
    expect([...rows.values()].every(([, stand, does]) => stand === 'aanwezig' && does === 'geen maatregel nodig')).toBe(
      true,
    );
  });
});

test('Rijk: the Ambtenarenwet and the Gedragscode Integriteit Rijk, no Gemeentewet, no political office holders', async () => {
  const { rows } = await normTable(planOf('rijk', { basisnormen: allPresent }));
  expect(rows.get(title('gedragscodes'))![0]).toBe(
    'Ambtenarenwet 2017, artikel 4, derde lid; Gedragscode Integriteit Rijk (versie december 2019)',
  );
  expect(rows.get(title('nevenwerkzaamheden'))![0]).toBe('Ambtenarenwet 2017, artikel 5, eerste lid, onder b en c');
  expect(rows.get(title('screening'))![0]).toBe('Modelaanpak basisnormen');
});

test('the bestuur provisions follow the chapters: a gemeente plan for the ambtelijke organisatie only cites no Gemeentewet', async () => {
  const { rows } = await normTable(planOf('gemeente', { hoofdstukken: ['h2', 'h4'], basisnormen: allPresent }));
  expect([...rows.values()].map(([basis]) => basis).join(' ')).not.toMatch(/Gemeentewet|wethouders/);
});

test('a norm marked ontbreekt gets its measures with owner and quarter; aanwezig gets none', async () => {
  const answers = planOf('gemeente', { basisnormen: { ...allPresent, 'financiele-belangen': 'ontbreekt' } });
  const { m, rows } = await normTable(answers);
  const serving = m.actieplan.filter((measure) => measure.basisnormen.some((n) => n.id === 'financiele-belangen'));
  expect(serving.map((measure) => measure.id)).toEqual(
    expect.arrayContaining(['risicoanalyse', 'financiele-belangen-melden']),
  );
  for (const measure of serving) {
    expect(measure.eigenaar.length).toBeGreaterThan(0);
    expect(measure.jaar).toBeGreaterThanOrEqual(2027);
    expect(measure.kwartaal).toBeGreaterThanOrEqual(1);
  }
  // Nothing else is in the plan: no weak theme, every other norm in place.
  expect(m.actieplan).toHaveLength(serving.length);
  const nrs = serving.map((measure) => measure.nr);
  const does = rows.get(title('financiele-belangen'))!;
  expect(does[1]).toBe('ontbreekt');
  expect(does[2]).toBe(
    `maatregelen ${nrs.slice(0, -1).join(', ')} en ${nrs.at(-1)}, met hoge prioriteit: wettelijk verplicht`,
  );
  // A legal gap: first in the year, high priority, named in the introduction with its provision.
  expect(serving.every((measure) => measure.prioriteit === 'hoog')).toBe(true);
  expect(Math.min(...serving.map((measure) => measure.jaar!))).toBe(2027);
  const text = prose(await renderTree('beleidsplan', m));
  expect(text).toContain(
    'Wettelijke verplichting niet vervuld. Voor de basisnorm Financiële belangen (Ambtenarenwet 2017, artikel 5, eerste lid, onder d) schrijft de wet een regeling voor die bij Organisatie Proef ontbreekt.',
  );
  expect(text).toContain('dertien basisnormen integriteit');
  expect(text).toContain(
    'De stand: twaalf aanwezig, één ontbrekend. Wat niet op orde is, krijgt maatregelen in het actieplan.',
  );
});

test('a norm without a provision in the law that is missing is no legal gap: measures, but no call-out', async () => {
  const { m } = await normTable(
    planOf('gemeente', { basisnormen: { ...allPresent, informatiebescherming: 'ontbreekt' } }),
  );
  expect(m.actieplan.map((measure) => measure.id)).toEqual(['informatie-beschermen']);
  expect(m.actieplan[0]!.prioriteit).toBe('midden');
  expect(m.basisnormen.wettelijkeTekorten).toEqual([]);
  expect(prose(await renderTree('beleidsplan', m))).not.toContain('Wettelijke verplichting niet vervuld');
});

test('deels gets the same measures as ontbreekt, without the legal call-out', async () => {
  const part = model(kb, planOf('gemeente', { basisnormen: { ...allPresent, nevenwerkzaamheden: 'deels' } }));
  const none = model(kb, planOf('gemeente', { basisnormen: { ...allPresent, nevenwerkzaamheden: 'ontbreekt' } }));
  expect(part.actieplan.map((m) => m.id).sort()).toEqual(none.actieplan.map((m) => m.id).sort());
  expect(part.actieplan.map((m) => m.id)).toEqual(
    expect.arrayContaining(['register-nevenwerkzaamheden', 'nevenfuncties-openbaar']),
  );
  expect(part.basisnormen.wettelijkeTekorten).toEqual([]);
  expect(none.basisnormen.wettelijkeTekorten.map((row) => row.id)).toEqual(['nevenwerkzaamheden']);
});

test('onbekend: first find out how the norm stands, then its measures', async () => {
  const { m, rows } = await normTable(planOf('gemeente', { basisnormen: { ...allPresent, geschenken: 'onbekend' } }));
  const first = m.actieplan[0]!;
  expect(first.id).toBe('basisnormen-toets');
  expect(first).toMatchObject({ jaar: 2027, kwartaal: 1 });
  expect(first.basisnormen.map((n) => n.id)).toEqual(['geschenken']);
  const slot = (measure: { jaar?: number; kwartaal?: number }) => measure.jaar! * 4 + measure.kwartaal!;
  const after = m.actieplan.filter((measure) => measure.id !== first.id);
  expect(after.map((measure) => measure.id)).toEqual(expect.arrayContaining(['geschenken-beleid']));
  expect(after.every((measure) => slot(measure) >= slot(first))).toBe(true);
  expect(rows.get(title('geschenken'))![2]).toMatch(/^eerst uitzoeken hoe het staat \(maatregel 1\), daarna maatregel/);
});

test('a measure that serves a weak theme and a norm not in place stands once, with both', async () => {
  const answers = planOf('gemeente', {
    zwakke_themas: ['h4-personeelsbeleid-en-cultuur'],
    basisnormen: { ...allPresent, 'eed-of-belofte': 'ontbreekt' },
  });
  const { m, rows } = await normTable(answers);
  const shared = m.actieplan.filter((measure) => measure.id === 'werving-en-introductie');
  expect(shared).toHaveLength(1);
  expect(shared[0]!.themas.map((t) => t.id)).toEqual(['h4-personeelsbeleid-en-cultuur']);
  expect(shared[0]!.basisnormen.map((n) => n.id)).toEqual(['eed-of-belofte']);
  expect(new Set(m.actieplan.map((measure) => measure.id)).size).toBe(m.actieplan.length);
  expect(rows.get(title('eed-of-belofte'))![2]).toBe(
    `maatregel ${shared[0]!.nr}, met hoge prioriteit: wettelijk verplicht`,
  );
  // The action plan's column names the theme and the norm.
  const tree = await renderTree('beleidsplan', m);
  const plan = rowsOf(tableAfter(tree, '8.1 2027')).concat(
    ...['8.2 2028', '8.3 2029', '8.4 2030'].flatMap((h) => {
      try {
        return [rowsOf(tableAfter(tree, h))];
      } catch {
        return [];
      }
    }),
  );
  expect(plan.find((row) => row[0] === String(shared[0]!.nr))![2]).toBe(
    'Personeelsbeleid en cultuur (monitorhoofdstuk 4); basisnorm Eed of belofte',
  );
});

test('without a basisnormen section the chapter is a table to fill in, and the plan has no norm measures', async () => {
  const { m, rows, tree } = await normTable(planOf('provincie', { zwakke_themas: ['h4-handhaving'] }));
  expect(m.basisnormen.ingevuld).toBe(false);
  expect(rows.size).toBe(13);
  for (const [, stand, does] of rows.values()) {
    expect(stand).toBe('[invullen: stand]');
    expect(does).toBe('[invullen: maatregel]');
  }
  expect(m.actieplan.every((measure) => measure.basisnormen.length === 0)).toBe(true);
  const text = prose(tree);
  expect(text).toContain('De stand van de basisnormen is nog niet opgegeven.');
  expect(text).toContain('hoofdstuk 5 geeft de tabel om in te vullen');
  expect(text).not.toContain('Wettelijke verplichting niet vervuld');
});

test('a section naming only some norms leaves the others to fill in, and says how many', async () => {
  const { rows, tree } = await normTable(planOf('waterschap', { basisnormen: { 'eed-of-belofte': 'aanwezig' } }));
  expect(rows.get(title('eed-of-belofte'))![1]).toBe('aanwezig');
  expect(rows.get(title('gedragscodes'))![1]).toBe('[invullen: stand]');
  expect(prose(tree)).toContain('Van twaalf normen is de stand niet opgegeven');
});

test('the officer’s remark and the year of revision are shown with the norm', async () => {
  const { rows, tree } = await normTable(
    planOf('gemeente', {
      basisnormen: {
        ...allPresent,
        nevenwerkzaamheden: { stand: 'deels', toelichting: 'Het register bestaat, de openbaarmaking niet.' },
        'kwetsbare-functies': { stand: 'aanwezig', herzien: 2019 },
      },
    }),
  );
  expect(rows.get(title('kwetsbare-functies'))![1]).toBe('aanwezig (herzien in 2019)');
  expect(prose(tree)).toContain('Toelichting van de organisatie: Het register bestaat, de openbaarmaking niet.');
});
