import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseAnswers } from '../../src/answers/load.js';
import type { Answers } from '../../src/answers/schema.js';
import type { KnowledgeBase } from '../../src/knowledge/model.js';
import type { OrganisationTypeId } from '../../src/knowledge/schema.js';
import { packageRoot } from '../../src/paths.js';
import { buildActionPlan } from '../../src/plan/actions.js';
import type { MeasurePlan, PlanModel } from '../../src/plan/model.js';
import { renderForType } from '../../src/plan/wording.js';
import { nearDuplicates, nearDuplicateThreshold, similarityWithin } from '../../src/text/similarity.js';
import { builtInKnowledge } from '../support/knowledge.js';
import { documentText, model, renderTree } from '../support/plan.js';

/*
 * The action plan read as a directie would: in the four example plans and an all-themes plan per
 * type (with high, middle and low priorities), no near-duplicate measures, nothing before what it
 * builds on, ongoing work shown as ongoing, measures for a new raad, Staten or algemeen bestuur after
 * the elections in the period, every weak theme started in the first year, low priority not left
 * for the last year, and owners that the type has and that work for the theme's audience.
 */

const examples = ['gemeente', 'provincie', 'waterschap', 'rijk'];
const allThemesFile: Record<OrganisationTypeId, string> = {
  gemeente: 'bench/alle-themas.yaml',
  provincie: 'bench/alle-themas-provincie.yaml',
  waterschap: 'bench/alle-themas-waterschap.yaml',
  rijk: 'bench/alle-themas-rijk.yaml',
};
const priorities = ['hoog', 'midden', 'laag'] as const;

function answersFile(kb: KnowledgeBase, file: string): Answers {
  return parseAnswers(readFileSync(join(packageRoot, file), 'utf8'), file, kb);
}

/** The all-themes plan of a type, its themes by turns high, middle and low priority. */
function allThemes(kb: KnowledgeBase, type: OrganisationTypeId): Answers {
  const answers = answersFile(kb, allThemesFile[type]);
  const prioriteiten = Object.fromEntries(answers.zwakke_themas.map((id, i) => [id, priorities[i % 3]!]));
  return { ...answers, prioriteiten };
}

const slot = (m: { jaar?: number; kwartaal?: number }) => m.jaar! * 4 + m.kwartaal! - 1;

const plans: [string, (kb: KnowledgeBase) => Answers][] = [
  ...examples.map((name): [string, (kb: KnowledgeBase) => Answers] => [
    `examples/${name}.yaml`,
    (kb) => answersFile(kb, `examples/${name}.yaml`),
  ]),
  ...(Object.keys(allThemesFile) as OrganisationTypeId[]).map((type): [string, (kb: KnowledgeBase) => Answers] => [
    `all themes, ${type}`,
    (kb) => allThemes(kb, type),
  ]),
];

describe.each(plans)('the action plan of %s', (_name, answersOf) => {
  let kb: KnowledgeBase;
  let answers: Answers;
  let plan: PlanModel;
  let text: string;
  beforeAll(async () => {
    kb = await builtInKnowledge();
    answers = answersOf(kb);
    plan = model(kb, answers);
    text = documentText(await renderTree('beleidsplan', plan)).join('\n');
  });
  const catalogueOf = (m: MeasurePlan) => kb.measures.find((entry) => entry.id === m.id)!;

  test('has no two near-identical measures', () => {
    const corpus = kb.measures.map((m) => m.tekst);
    expect(nearDuplicates(plan.actieplan, (m) => m.tekst, corpus).map(({ a, b }) => [a.id, b.id])).toEqual([]);
  });

  test('plans no measure before one it builds on, and what comes first before everything else', () => {
    const byId = new Map(plan.actieplan.map((m) => [m.id, m]));
    for (const measure of plan.actieplan) {
      for (const before of catalogueOf(measure).na) {
        const predecessor = byId.get(before);
        if (!predecessor) continue;
        expect({ [measure.id]: slot(measure) > slot(predecessor) }).toEqual({ [measure.id]: true });
      }
    }
    const first = plan.actieplan.filter((m) => catalogueOf(m).eerst);
    const others = plan.actieplan.filter(
      (m) => !catalogueOf(m).eerst && m.jaar !== undefined && !['na-verkiezingen', 'na-installatie'].includes(m.soort),
    );
    // A yearly legal duty (the integriteitsrapportage) is no new work: it may share their quarter, never precede it.
    const yearlyDuty = (m: MeasurePlan) => m.soort === 'jaarlijks' && m.wettelijkePlicht.length > 0;
    for (const f of first) {
      for (const other of others) {
        if (yearlyDuty(other)) expect(slot(other)).toBeGreaterThanOrEqual(slot(f));
        else expect({ [other.id]: slot(other) > slot(f) }).toEqual({ [other.id]: true });
      }
    }
  });

  test('shows ongoing and yearly work as such, in the action plan and in the theme sections', () => {
    const ongoing = plan.actieplan.filter((m) => m.soort === 'doorlopend');
    const yearly = plan.actieplan.filter((m) => m.soort === 'jaarlijks');
    expect(ongoing.length).toBeGreaterThan(0);
    for (const m of ongoing) expect(text).toContain(`doorlopend vanaf K${m.kwartaal} ${m.jaar}`);
    for (const m of yearly) {
      expect(m.kwartaal).toBe(catalogueOf(m).kwartaal);
      expect(text).toContain(`jaarlijks in K${m.kwartaal}, vanaf ${m.jaar}`);
    }
    for (const m of plan.actieplan) expect(m.soort).toBe(catalogueOf(m).soort);
  });

  test('ties measures for new members and a new bestuur to the elections in the period', () => {
    const calendar = kb.elections.typen.find((entry) => entry.type === plan.organisatie.type);
    const tied = plan.actieplan.filter((m) => m.soort === 'na-verkiezingen' || m.soort === 'na-installatie');
    if (!calendar) return expect(tied).toEqual([]);
    const election = calendar.data.find(
      (d) =>
        Number(d.datum.slice(0, 4)) >= answers.planperiode.van &&
        Number(d.datum.slice(0, 4)) <= answers.planperiode.tot,
    )!;
    const electionSlot =
      Number(election.datum.slice(0, 4)) * 4 + Math.floor((Number(election.datum.slice(5, 7)) - 1) / 3);
    for (const m of tied) expect(slot(m)).toBe(electionSlot + (m.soort === 'na-verkiezingen' ? 1 : 2));
    if (tied.length > 0) {
      expect(election.bevestigd).toBe(false);
      // A computed date is shown only as month and year.
      expect(text).toContain(
        `de ${calendar.verkiezing}: maart ${election.datum.slice(0, 4)} (berekende datum, nog niet bevestigd)`,
      );
      expect(text).not.toContain(`${Number(election.datum.slice(8))} maart ${election.datum.slice(0, 4)}`);
    }
  });

  test('starts every weak theme within the first year, and leaves no low-priority theme for the last', () => {
    const { van, tot } = answers.planperiode;
    for (const section of plan.zwakkeThemas) {
      const planned = section.maatregelen.filter((m) => m.jaar !== undefined);
      expect({ [section.id]: Math.min(...planned.map((m) => m.jaar!)) }).toEqual({ [section.id]: van });
      if (section.prioriteit === 'laag' && tot > van) {
        expect({ [section.id]: planned.every((m) => m.jaar === tot) }).toEqual({ [section.id]: false });
      }
    }
  });

  test('starts every measure that carries out a legal duty in the first year, and says where the law asks it', () => {
    const { van } = answers.planperiode;
    const type = plan.organisatie.type;
    const legal = plan.actieplan.filter((m) => m.wettelijkePlicht.length > 0);
    // Without a basisnormen section no legal duty counts as met: each one the type has is in the first year.
    const expected = plan.actieplan
      .filter((m) =>
        catalogueOf(m).wettelijke_plicht.some((duty) =>
          kb.legalFramework.regels.some(
            (rule) => rule.id === duty.regel && rule.typen.includes(type as OrganisationTypeId),
          ),
        ),
      )
      .map((m) => m.id);
    expect(answers.basisnormen).toBeUndefined();
    expect(legal.map((m) => m.id)).toEqual(expected);
    expect(legal.length).toBeGreaterThan(0);
    for (const m of legal) {
      expect({ [m.id]: m.jaar }).toEqual({ [m.id]: van });
      expect(text).toContain(`Wettelijke plicht: ${m.wettelijkePlicht.join('; ')}.`);
    }
    expect(text).toContain(`een maatregel die een wettelijke plicht uitvoert, begint in ${van}`);
    // No quarter holds more new measures than the plan says it allows.
    const load = new Map<number, number>();
    for (const m of plan.actieplan) if (m.jaar !== undefined) load.set(slot(m), (load.get(slot(m)) ?? 0) + 1);
    expect(Math.max(...load.values())).toBeLessThanOrEqual(plan.perKwartaal.max);
    expect(text).toContain(`Per kwartaal starten hoogstens ${plan.perKwartaal.max} nieuwe maatregelen`);
  });

  test('gives each measure an owner the type has, who works for the theme’s audience', () => {
    const type = kb.organisationTypes.find((t) => t.id === plan.organisatie.type)!;
    const roleOf = new Map(Object.entries(plan.organisatie.rollen).map(([id, name]) => [name, id]));
    for (const measure of plan.actieplan) {
      const role = kb.roles.find((r) => r.id === roleOf.get(measure.eigenaar));
      expect({ [measure.id]: role !== undefined }).toEqual({ [measure.id]: true });
      for (const theme of measure.themas) {
        const audience = kb.chapters.find(
          (c) => c.id === kb.themes.find((t) => t.id === theme.id)!.hoofdstuk,
        )!.doelgroep;
        expect({ [measure.id]: role!.doelgroepen.includes(audience) }).toEqual({ [measure.id]: true });
      }
    }
    const chair = plan.organisatie.rollen.voorzitter;
    if (chair) {
      const byChair = plan.actieplan
        .filter((m) => m.eigenaar === chair)
        .map((m) => m.tekst)
        .join(' ');
      expect(byChair).not.toMatch(/meldpunt|registratie/);
    }
    if (type.id === 'waterschap') expect(text).not.toMatch(/\bcollege\b/);
    if (type.id === 'rijk') {
      expect(Object.keys(plan.organisatie.rollen)).not.toEqual(expect.arrayContaining(['voorzitter']));
      expect(plan.actieplan.map((m) => m.soort)).not.toContain('na-verkiezingen');
    }
  });
});

describe('near-identical measures', () => {
  const before = parse(readFileSync(join(packageRoot, 'test/fixtures/measures-before-catalogue.yaml'), 'utf8')) as {
    id: string;
    tekst: string;
  }[];

  test('the measures of main before the catalogue fail the test: it finds their duplicates', async () => {
    const kb = await builtInKnowledge();
    const gemeente = kb.organisationTypes.find((t) => t.id === 'gemeente')!;
    const texts = before.map((m) => ({ id: m.id, tekst: renderForType(m.tekst, gemeente) }));
    const pairs = nearDuplicates(
      texts,
      (m) => m.tekst,
      texts.map((m) => m.tekst),
    ).map(({ a, b }) => `${a.id} ~ ${b.id}`);
    expect(pairs).toEqual(
      expect.arrayContaining([
        'h2-gedragsregels/m3 ~ h2-integriteitsbeleid/m2',
        'h2-gedragsregels/m3 ~ h4-commitment-en-visie/m3',
        'h2-integriteitsbeleid/m2 ~ h4-audit-en-rapportage/m1',
        'h4-personeelsbeleid-en-cultuur/m4 ~ h56-personeelsbeleid-en-cultuur/m4',
      ]),
    );
    expect(pairs.length).toBeGreaterThanOrEqual(6);
  });

  test('same wording scores 1, no shared word 0, inflections count as one word', () => {
    const similarity = similarityWithin([
      'Zorg voor een vertrouwenspersoon.',
      'Herzie de gedragscode.',
      'Train de leidinggevenden.',
    ]);
    expect(similarity('Herzie de gedragscode.', 'Herzie de gedragscode.')).toBeCloseTo(1);
    expect(similarity('Herzie de gedragscode.', 'Train de leidinggevenden.')).toBe(0);
    expect(similarity('Onderzoek de meldingen.', 'Onderzoeken van melding')).toBeCloseTo(1);
    expect(nearDuplicateThreshold).toBeGreaterThan(0.3);
  });
});

describe('elections', () => {
  test('a period without elections says so and plans the measures that follow them after the period', async () => {
    const kb = await builtInKnowledge();
    const answers = { ...answersFile(kb, 'examples/gemeente.yaml'), planperiode: { van: 2027, tot: 2029 } };
    const plan = model(kb, answers);
    const text = documentText(await renderTree('beleidsplan', plan)).join('\n');
    const intro = plan.actieplanBuitenPeriode.map((m) => m.id);
    expect(intro).toEqual(['introductie-nieuwe-volksvertegenwoordigers']);
    expect(text).toContain(
      'In de planperiode vallen geen verkiezingen van de gemeenteraad; de volgende zijn in maart 2030',
    );
    expect(text).toContain('na de volgende verkiezingen, na de planperiode');
    expect(plan.actieplanPerJaar.flatMap((y) => y.maatregelen).map((m) => m.id)).not.toContain(intro[0]);
  });

  test('a period the calendar does not reach says that it knows no date, without inventing one', async () => {
    const kb = await builtInKnowledge();
    const answers = {
      ...answersFile(kb, 'examples/gemeente.yaml'),
      planperiode: { van: 2031, tot: 2034 },
      datum: '2031-01-15',
    };
    const text = documentText(await renderTree('beleidsplan', model(kb, answers))).join('\n');
    expect(text).toContain('De verkiezingskalender kent geen verkiezingen van de gemeenteraad in de planperiode.');
    expect(text).not.toMatch(/203[1-4]\)? \(berekende datum/);
  });

  test('a confirmed date is shown in full', async () => {
    const kb = await builtInKnowledge();
    const answers = {
      ...answersFile(kb, 'examples/gemeente.yaml'),
      planperiode: { van: 2026, tot: 2029 },
      datum: '2026-01-15',
    };
    const text = documentText(await renderTree('beleidsplan', model(kb, answers))).join('\n');
    expect(text).toContain('In de planperiode vallen de verkiezingen van de gemeenteraad: 18 maart 2026.');
  });

  test('the Rijk has no elections of its own: no measure of its plan waits for them', async () => {
    const kb = await builtInKnowledge();
    const plan = buildActionPlan(kb, allThemes(kb, 'rijk'));
    expect(plan.elections).toBeUndefined();
    expect(plan.measures.every((m) => m.when !== null)).toBe(true);
  });
});
