import { getOrganisationType } from '../../src/knowledge/model.js';
import { parseRoleMarkup, seedWords } from '../../src/knowledge/role-markup.js';
import { renderForType } from '../../src/plan/wording.js';
import { builtInKnowledge } from '../support/knowledge.js';
import { answersFrom, model } from '../support/plan.js';

const sample =
  '[[De volksvertegenwoordiging|volksvertegenwoordiging.met_lidwoord]] [[dient|volksvertegenwoordiging:dient/dienen]] ' +
  'voorbereid te zijn; de [[CdK/burgemeester|voorzitter]] en de [[vertegenwoordigers|volksvertegenwoordiging.leden]] ook.';

test('the seed’s own words give back the source text; references read as [[words|term.form]]', () => {
  expect(seedWords(sample)).toBe(
    'De volksvertegenwoordiging dient voorbereid te zijn; de CdK/burgemeester en de vertegenwoordigers ook.',
  );
  const { parts, errors } = parseRoleMarkup(sample);
  expect(errors).toEqual([]);
  expect(parts.filter((p) => p.kind === 'ref')).toEqual([
    expect.objectContaining({
      seed: 'De volksvertegenwoordiging',
      term: 'volksvertegenwoordiging',
      form: 'met_lidwoord',
    }),
    expect.objectContaining({
      seed: 'dient',
      term: 'volksvertegenwoordiging',
      agreement: { singular: 'dient', plural: 'dienen' },
    }),
    expect.objectContaining({ seed: 'CdK/burgemeester', term: 'voorzitter' }),
    expect.objectContaining({ seed: 'vertegenwoordigers', term: 'volksvertegenwoordiging', form: 'leden' }),
  ]);
});

test('what cannot be read is an error, never guessed', () => {
  expect(parseRoleMarkup('de [[CdK|voorzitter.met.lidwoord]] en').errors).toHaveLength(1);
  expect(parseRoleMarkup('de [[CdK voorzitter]] en').errors).toHaveLength(1);
  expect(parseRoleMarkup('de [[|voorzitter]] en').errors).toHaveLength(1);
  expect(parseRoleMarkup('een ]] los').errors).toHaveLength(1);
});

test.each([
  ['gemeente', 'De gemeenteraad dient voorbereid te zijn; de burgemeester en de raadsleden ook.'],
  ['provincie', 'Provinciale Staten dienen voorbereid te zijn; de Commissaris van de Koning en de statenleden ook.'],
  [
    'waterschap',
    'Het algemeen bestuur dient voorbereid te zijn; de dijkgraaf en de leden van het algemeen bestuur ook.',
  ],
] as const)(
  '%s: its own words, with article, number and a capital at the start of a sentence',
  async (type, expected) => {
    const kb = await builtInKnowledge();
    expect(renderForType(sample, getOrganisationType(kb, type))).toBe(expected);
  },
);

test.each([
  [
    'gemeente',
    'Vanuit het wettelijk kader is de burgemeester verantwoordelijk voor de bevordering van integriteit in de bestuursorganen. De burgemeester zal een eigen invulling geven',
    'De griffier is aangesteld door de gemeenteraad en inmiddels vaak langer in functie dan de raadsleden zelf.',
    'De gemeentesecretaris vormt als adviseur van het college van burgemeester en wethouders en als directeur van de ambtelijke organisatie een sleutelrol tussen college en ambtelijk apparaat.',
  ],
  [
    'provincie',
    'Vanuit het wettelijk kader is de Commissaris van de Koning verantwoordelijk voor de bevordering van integriteit in de bestuursorganen. De Commissaris van de Koning zal een eigen invulling geven',
    'De statengriffier is aangesteld door Provinciale Staten en inmiddels vaak langer in functie dan de statenleden zelf.',
    'De provinciesecretaris vormt als adviseur van Gedeputeerde Staten en als directeur van de ambtelijke organisatie een sleutelrol tussen Gedeputeerde Staten en ambtelijk apparaat.',
  ],
  [
    'waterschap',
    'Vanuit het wettelijk kader is de dijkgraaf verantwoordelijk voor de bevordering van integriteit in de bestuursorganen. De dijkgraaf zal een eigen invulling geven',
    'De griffier is aangesteld door het algemeen bestuur en inmiddels vaak langer in functie dan de leden van het algemeen bestuur zelf.',
    'De secretaris-directeur vormt als adviseur van het dagelijks bestuur en als directeur van de ambtelijke organisatie een sleutelrol tussen dagelijks bestuur en ambtelijk apparaat.',
  ],
])(
  '%s: the seed’s sentences about the chair, the clerk and the secretary read right',
  async (type, chair, clerk, secretary) => {
    const kb = await builtInKnowledge();
    const m = model(
      kb,
      answersFrom(kb, {
        organisatie: { naam: 'Voorbeeld', type },
        zwakke_themas: ['h56-commitment-en-visie', 'h56-rol-griffier', 'h56-rol-secretaris'],
        planperiode: { van: 2027, tot: 2028 },
      }),
    );
    const text = (id: string) => m.zwakkeThemas.find((s) => s.id === id)!;
    expect(text('h56-commitment-en-visie').oplossingsrichting[0]).toContain(chair);
    expect(text('h56-rol-griffier').waarom[0]).toContain(clerk);
    expect(text('h56-rol-secretaris').waarom[0]).toContain(secretary);
  },
);
