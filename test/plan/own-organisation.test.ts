import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAnswers } from '../../src/answers/load.js';
import type { Answers } from '../../src/answers/schema.js';
import { generateDocuments } from '../../src/generate.js';
import type { KnowledgeBase } from '../../src/knowledge/model.js';
import { seedWords } from '../../src/knowledge/role-markup.js';
import type { OrganisationTypeId } from '../../src/knowledge/schema.js';
import { fold } from '../../src/knowledge/references.js';
import { packageRoot } from '../../src/paths.js';
import type { PlanModel } from '../../src/plan/model.js';
import { builtInKnowledge } from '../support/knowledge.js';
import { documentText, model, renderTree } from '../support/plan.js';
import { requireTools, withTempDir } from '../support/tools.js';
import { expectPdfUa } from '../support/pdfua.js';

/*
 * A plan speaks for one organisation. Read as an integrity officer of each type would: an
 * all-themes plan must hold no body or title of another type, no generic "CdK/burgemeester" pair,
 * no national 2012 finding presented as the organisation's own, no 2012 product recommended as
 * current, and a legal chapter with this type's own law.
 */

const types: OrganisationTypeId[] = ['gemeente', 'provincie', 'waterschap', 'rijk'];
const allThemesFile: Record<OrganisationTypeId, string> = {
  gemeente: 'bench/alle-themas.yaml',
  provincie: 'bench/alle-themas-provincie.yaml',
  waterschap: 'bench/alle-themas-waterschap.yaml',
  rijk: 'bench/alle-themas-rijk.yaml',
};

function allThemes(kb: KnowledgeBase, type: OrganisationTypeId): Answers {
  const file = allThemesFile[type];
  return parseAnswers(readFileSync(join(packageRoot, file), 'utf8'), file, kb);
}

/** Each type's own words; in another type's plan they are foreign. */
const ownWords: Record<OrganisationTypeId, string[]> = {
  gemeente: [
    'gemeente',
    'gemeenten',
    'burgemeester',
    'wethouder',
    'wethouders',
    'college',
    'collegesamenstelling',
    'collegewijziging',
    'gemeenteraad',
    'raadslid',
    'raadsleden',
    'gemeentesecretaris',
    'VNG',
    'Vereniging van Nederlandse Gemeenten',
    'Gemeentewet',
    'bestuur en raad',
  ],
  provincie: [
    'provincie',
    'provincies',
    'Commissaris van de Koning',
    'CdK',
    'Gedeputeerde Staten',
    'gedeputeerde',
    'gedeputeerden',
    'Provinciale Staten',
    'statenlid',
    'statenleden',
    'statengriffier',
    'statengriffie',
    'provinciesecretaris',
    'IPO',
    'Interprovinciaal Overleg',
    'Provinciewet',
  ],
  waterschap: [
    'waterschap',
    'waterschappen',
    'dijkgraaf',
    'waterschapsvoorzitter',
    'dagelijks bestuur',
    'algemeen bestuur',
    'secretaris-directeur',
    'Unie van Waterschappen',
    'UvW',
    'Waterschapswet',
  ],
  rijk: ['secretaris-generaal', 'minister', 'Gedragscode Integriteit Rijk'],
};
/** The clerk is "griffier" in a gemeente and a waterschap, "statengriffier" in a provincie; the Rijk has none. */
const shared: Record<string, OrganisationTypeId[]> = {
  griffier: ['gemeente', 'waterschap'],
  griffiers: ['gemeente', 'waterschap'],
  griffie: ['gemeente', 'waterschap'],
};

function foreignWords(type: OrganisationTypeId): string[] {
  const own = new Set([
    ...ownWords[type],
    ...Object.entries(shared).flatMap(([word, owners]) => (owners.includes(type) ? [word] : [])),
  ]);
  const others = [
    ...types.filter((t) => t !== type).flatMap((t) => ownWords[t]),
    ...Object.keys(shared),
    'volksvertegenwoordigend orgaan',
    ...(type === 'rijk'
      ? ['volksvertegenwoordiging', 'volksvertegenwoordigers', 'politieke ambtsdragers', 'bestuurlijke integriteit']
      : []),
  ];
  return [...new Set(others.filter((word) => !own.has(word)))];
}

/** A whole word or phrase; not inside a longer word or a web address ("…-bij-gemeenten-provincies-…"). */
const asWord = (word: string) =>
  new RegExp(`(?<![\\p{L}\\d/-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\d-])`, 'u');

/**
 * What the monitor calls things may stay: the monitor's own chapter and theme titles, and the
 * names and links of the 2012 instruments it recommended (shown as the source, e.g. "DVD
 * Dilemma’s voor raadsleden").
 */
function withoutMonitorNames(kb: KnowledgeBase, text: string): string {
  const names = [
    ...kb.chapters.map((c) => c.titel),
    ...kb.themes.map((t) => t.titel),
    ...kb.instruments.filter((i) => i.status === 'bron-2012').map((i) => i.naam),
    // The seed names this DVD in two ways; the catalogue has the other.
    "DVD met dilemma's voor raadsleden",
  ].sort((a, b) => b.length - a.length);
  // The 2012 links end in ".html"; in a PDF they may be broken over lines.
  const withoutLinks = fold(text).replace(/https?:\/\/\S*?(?:\s+\S*?)*?\.html/g, ' … ');
  return names.reduce((rest, name) => rest.split(name).join(' … '), withoutLinks);
}

function faults(kb: KnowledgeBase, type: OrganisationTypeId, text: string): string[] {
  const rest = withoutMonitorNames(kb, text);
  const found = foreignWords(type).filter((word) => asWord(word).test(rest));
  const pairs = [
    ...rest.matchAll(/\p{L}+\s?\/\s?(?:burgemeester|CdK|provincies|waterschappen|gemeenten|voorzitter)/giu),
  ].map((m) => m[0]);
  return [
    ...found.map((word) => `"${word}": …${context(rest, asWord(word))}…`),
    ...pairs.map((pair) => `paar "${pair}"`),
  ];
}

function context(text: string, pattern: RegExp): string {
  const at = text.search(pattern);
  return text.slice(Math.max(0, at - 60), at + 60);
}

describe.each(types)('an all-themes plan for a %s', (type) => {
  let kb: KnowledgeBase;
  let plan: PlanModel;
  let lines: string[];
  beforeAll(async () => {
    kb = await builtInKnowledge();
    plan = model(kb, allThemes(kb, type));
    lines = documentText(await renderTree('beleidsplan', plan));
  });

  test('names only this type’s own bodies and titles, and no generic pair like "CdK/burgemeester"', () => {
    expect(faults(kb, type, lines.join('\n'))).toEqual([]);
  });

  test('"volksvertegenwoordigend orgaan" stands only in the monitor’s own chapter title', () => {
    const hits = lines.filter((line) => line.includes('volksvertegenwoordigend orgaan'));
    const chapterTitle = kb.chapters.find((c) => c.id === 'h56')!.titel;
    for (const line of hits) expect(line.replace(chapterTitle, '')).not.toContain('volksvertegenwoordigend orgaan');
    expect(hits.length > 0).toBe(type !== 'rijk');
  });

  test('every measure has an owner this type has, and owns no more than its share', () => {
    const names = new Set(plan.rollen.map((r) => r.naam));
    for (const measure of plan.actieplan) expect(names).toContain(measure.eigenaar);
    if (type !== 'rijk') {
      const chair = plan.organisatie.rollen.voorzitter!;
      const byChair = plan.actieplan.filter((m) => m.eigenaar === chair);
      expect(byChair.length / plan.actieplan.length).toBeLessThan(0.2);
      expect(byChair.map((m) => m.tekst).join(' ')).not.toMatch(/meldpunt/);
    }
  });

  test('measures on codes of conduct revise the codes the law requires, never adopt one as if there were none', () => {
    const onCodes = plan.actieplan.filter((m) => /gedragscode/i.test(m.tekst));
    expect(onCodes.length).toBeGreaterThan(type === 'rijk' ? 1 : 4);
    for (const measure of onCodes) expect(measure.tekst).not.toMatch(/\b(stel|leg)\b.*\been (eigen )?gedragscode\b/i);
  });

  test('the legal chapter names this type’s own law and article, each rule with its source, the state of the law once', () => {
    const rules = plan.wetgeving.regels;
    const legal = rules.map((r) => `${r.titel} ${r.tekst}`).join(' ');
    for (const rule of rules) expect(rule.bron.length).toBeGreaterThan(10);
    expect(legal).toContain('artikel 4 van de Ambtenarenwet 2017');
    expect(legal).toContain('artikel 5 van de Ambtenarenwet 2017');
    expect(legal).toMatch(/eed of belofte.*artikel 7/);
    expect(legal).toMatch(/nevenwerkzaamheden/);
    expect(legal).toMatch(/financiële belangen/);
    // The whistleblowing duty is old; 2023 made its content stricter.
    expect(legal).toContain('125quinquies');
    expect(legal).toContain('1 juli 2016');
    expect(legal).toMatch(/18 februari 2023[^.]*strengere eisen/);
    expect(legal).not.toMatch(/Sinds 18 februari 2023[^.]*moet/);
    const own = {
      gemeente: ['artikel 170 van de Gemeentewet', 'artikel 41c', 'artikel 41b', 'een vereiste voor wethouders'],
      provincie: ['op grond van de Provinciewet', 'artikel 40c', '40b', 'een vereiste voor gedeputeerden'],
      waterschap: [
        'op grond van de Waterschapswet',
        'artikel 33, derde lid',
        '32, 44 en 48',
        'een vereiste voor de leden van het dagelijks bestuur',
      ],
      rijk: ['Gedragscode Integriteit Rijk'],
    }[type];
    for (const words of own) expect(legal).toContain(words);
    if (type === 'rijk') expect(legal).not.toMatch(/VOG|Gemeentewet|Provinciewet|Waterschapswet/);
    const text = lines.join('\n');
    expect(text.split(`stand per ${plan.wetgeving.peildatum}`)).toHaveLength(2);
    expect(text).not.toMatch(/staat los van de tekst|kennisbank van integriteitsplan/);
    // The tool itself is named only in the colophon's technical line.
    expect(lines.filter((line) => /integriteitsplan \d|kennisbank \d/.test(line))).toHaveLength(1);
  });

  test('no 2012 product is recommended: measures and the current-instruments list hold current instruments only', () => {
    const from2012 = kb.instruments.filter((i) => i.status === 'bron-2012');
    for (const measure of plan.actieplan) {
      for (const ref of measure.instrumenten)
        expect(kb.instruments.find((i) => i.id === ref.id)!.status).toBe('actueel');
      for (const old of from2012) expect(measure.tekst).not.toContain(old.naam);
      expect(measure.tekst).not.toMatch(
        /dvd|leergang|Internetspiegel|SAINT|I-inzicht|Integriteitskubus|opleiding VPI/i,
      );
    }
    expect(plan.instrumenten.actueel.length).toBeGreaterThan(2);
    for (const entry of plan.instrumenten.actueel)
      expect(kb.instruments.find((i) => i.id === entry.id)!.status).toBe('actueel');
    const current = lines.slice(
      lines.indexOf('B.2 Instrumenten voor nu'),
      lines.findIndex((l) => l.startsWith('B.3 ')),
    );
    for (const old of from2012) expect(current.join('\n')).not.toContain(old.naam);
    // Each instrument is described once: its description stands in the appendix only.
    for (const entry of [...plan.instrumenten.actueel, ...plan.instrumenten.bron2012]) {
      expect(lines.filter((line) => line.includes(entry.omschrijving))).toHaveLength(1);
    }
  });
});

describe('national 2012 findings', () => {
  // Each sentence of the seed that reports the national results of 2012, by theme and id.
  const marked = [
    'h2-gedragsregels/anti-draaideurregelingen',
    'h2-procedures-meldingen/regels-omgaan-met-incidenten',
    'h2-waarden-en-normen/beleving-voldoende',
  ];

  test('are all marked: no sentence of the seed that reports a result of the study is left unmarked', async () => {
    const kb = await builtInKnowledge();
    expect(kb.themes.flatMap((t) => t.landelijke_bevindingen.map((f) => `${t.id}/${f.id}`))).toEqual(marked);
    for (const theme of kb.themes) {
      for (const field of ['waarom', 'risico', 'oplossingsrichting'] as const) {
        let text = fold(seedWords(theme[field]));
        for (const f of theme.landelijke_bevindingen.filter((f) => f.veld === field))
          text = text.replace(fold(f.tekst), '');
        expect(`${theme.id}.${field}: ${text}`).not.toMatch(
          /Uit het (onderzoek|rapport)|wordt gescoord|komt naar voren dat/,
        );
      }
    }
  });

  test.each(types.filter((t) => t !== 'rijk'))('stand in no theme section without attribution (%s)', async (type) => {
    const kb = await builtInKnowledge();
    const plan = model(kb, allThemes(kb, type));
    const lines = documentText(await renderTree('beleidsplan', plan));
    for (const id of marked) {
      const [themeId, findingId] = id.split('/');
      const theme = kb.themes.find((t) => t.id === themeId)!;
      const finding = theme.landelijke_bevindingen.find((f) => f.id === findingId)!;
      const opening = fold(finding.tekst).split(/(?<=\.) /)[0]!;
      const section = plan.zwakkeThemas.find((s) => s.id === themeId)!;
      // Out of the theme's own argument …
      expect([...section.waarom, ...section.risico, ...section.oplossingsrichting].join(' ')).not.toContain(opening);
      // … and where it is shown, shown apart and attributed to the national monitor.
      const shown = lines.filter((line) => line.includes(opening));
      expect(shown).toHaveLength(finding.tonen ? 1 : 0);
      for (const line of shown) {
        expect(line).toMatch(
          new RegExp(`^In de landelijke Integriteitsmonitor 2012 staat bij dit thema: “${opening.slice(0, 30)}`),
        );
        expect(line).toContain(`geen uitkomst over ${plan.organisatie.naam}`);
      }
    }
  });
});

describe('current instruments', () => {
  test('every current instrument of the domain notes has an entry of its own, with its source', async () => {
    const kb = await builtInKnowledge();
    const current = kb.instruments.filter((i) => i.status === 'actueel');
    for (const name of [
      /^IntegriteitsWijzer$/,
      /^Integriteit in de praktijk: De meldregeling$/,
      /^Handboek integriteit voor politieke ambtsdragers/,
      /^Checklist interne meldprocedure$/,
      /^Gedragscode Integriteit Rijk$/,
      /^Modelregeling melden vermoeden misstand, versie 2\.0$/,
      /\(SIPA\)$/,
      /\(LVV\)$/,
    ]) {
      const entry = current.find((i) => name.test(i.naam));
      expect(entry?.bron).toEqual(expect.stringMatching(/\w{3}/));
    }
    // A 2012 product is never current; what replaced it, where known, is.
    const kubus = kb.instruments.find((i) => i.naam === 'Dvd Integriteitskubus')!;
    expect(kubus.status).toBe('bron-2012');
    expect(kb.instruments.find((i) => i.id === 'modelgedragscode-integriteit-rijk')!.vervangen_door).toEqual([
      'gedragscode-integriteit-rijk',
    ]);
  });
});

describe('the PDF reads the same as the Markdown', () => {
  const maybe = requireTools('pdftotext') ? test : test.skip;
  maybe.each(types)(
    'an all-themes %s plan as PDF text: no foreign body or title, no generic pair',
    async (type) => {
      const kb = await builtInKnowledge();
      await withTempDir(async (dir) => {
        const {
          files: [file],
        } = await generateDocuments({
          answers: allThemes(kb, type),
          knowledge: kb,
          documents: ['beleidsplan'],
          formats: ['pdf'],
          outputDir: dir,
          today: '2027-01-15',
        });
        const pdf = join(dir, 'plan.pdf');
        writeFileSync(pdf, file!.bytes);
        await expectPdfUa(pdf);
        // -raw keeps each table cell's text together, so the monitor's titles stay whole.
        const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
        expect(faults(kb, type, text)).toEqual([]);
        const withoutTitles = fold(text)
          .split(kb.chapters.find((c) => c.id === 'h56')!.titel)
          .join(' ');
        expect(withoutTitles).not.toContain('volksvertegenwoordigend orgaan');
      });
    },
    60_000,
  );
});
