import { builtInKnowledge } from '../support/knowledge.js';
import { answersFrom, exampleAnswers } from '../support/plan.js';
import { bestanden, exampleRegister, prose, registerOf, render, setCategory, zeroCounts } from '../support/report.js';
import { numberInWords } from '../../src/templates/number-words.js';

const letters = {
  gemeente: {
    soort: 'Raadsinformatiebrief',
    aan: 'Aan: de gemeenteraad, via de griffier',
    van: 'Van: het college van burgemeester en wethouders',
    aanhef: 'Geachte leden van de raad,',
    ondertekening: [
      'Het college van burgemeester en wethouders,',
      'de secretaris, [invullen: naam] de burgemeester, [invullen: naam]',
    ],
  },
  provincie: {
    soort: 'Statenbrief',
    aan: 'Aan: Provinciale Staten, via de statengriffier',
    van: 'Van: Gedeputeerde Staten',
    aanhef: 'Geachte leden van Provinciale Staten,',
    ondertekening: ['Gedeputeerde Staten,', 'de secretaris, [invullen: naam] de voorzitter, [invullen: naam]'],
  },
  waterschap: {
    soort: 'Informatienota',
    aan: 'Aan: het algemeen bestuur',
    van: 'Van: het dagelijks bestuur',
    aanhef: 'Geachte leden van het algemeen bestuur,',
    ondertekening: [
      'Het dagelijks bestuur,',
      'de secretaris-directeur, [invullen: naam] de dijkgraaf, [invullen: naam]',
    ],
  },
  rijk: {
    soort: 'Nota',
    aan: 'Aan: de secretaris-generaal',
    van: 'Van: S. Bakker, coördinator integriteit',
    aanhef: undefined,
    ondertekening: [],
  },
} as const;

describe.each(Object.entries(letters))('the cover letter of a %s', (type, letter) => {
  test('offering the plan: the type’s own terms, date, subject, summary, attachments; no title page or contents', async () => {
    const kb = await builtInKnowledge();
    const answers = exampleAnswers(kb, type);
    const { tree, model } = await render('brief', kb, answers, { offered: ['beleidsplan'] });
    expect(tree.children.some((b) => b.type === 'titlePage' || b.type === 'tableOfContents')).toBe(false);
    expect(tree.meta.title).toBe(
      `${letter.soort}: aanbieding integriteitsbeleidsplan ${model.planperiode.van}–${model.planperiode.tot}`,
    );
    const text = prose(tree);
    const lines = text.split('\n');
    expect(lines[0]).toBe(letter.soort);
    expect(lines[1]).toContain(`${letter.aan} Van:`);
    expect(lines[1]).toContain(letter.van);
    expect(lines[1]).toContain(`Datum: ${model.datum.lang}`);
    expect(lines[1]).toContain(
      `Onderwerp: aanbieding integriteitsbeleidsplan ${model.planperiode.van}–${model.planperiode.tot}`,
    );
    if (letter.aanhef) expect(lines[2]).toBe(letter.aanhef);
    else expect(text).not.toContain('Geachte');
    const weak = model.zwakkeThemas.length;
    expect(text).toContain(`De organisatie scoort zwak op ${numberInWords(weak)} thema's`);
    for (const high of model.hogePrioriteit) expect(text).toContain(high.titel);
    expect(text).toContain(`Voor die thema's samen bevat het plan ${model.actieplan.length} maatregelen`);
    expect(text).toContain('Het plan is ter informatie.');
    expect(text).toContain(`${model.planperiode.van}–${model.planperiode.tot}`);
    for (const line of letter.ondertekening) expect(lines).toContain(line);
    expect(lines).toContain(
      `Integriteitsbeleidsplan ${model.planperiode.van}–${model.planperiode.tot}: ${bestanden.beleidsplan}.pdf`,
    );
    expect(text).not.toContain('rapportage');
    expect(type === 'rijk' ? text : '').not.toContain('griffier');
  });
});

test('offering the report: the year, the state of the measures and the number of meldingen, shown as the report shows it', async () => {
  const kb = await builtInKnowledge();
  const answers = exampleAnswers(kb, 'gemeente-rapportage-2027');
  const { tree } = await render('brief', kb, answers, {
    offered: ['rapportage'],
    register: exampleRegister(kb),
    attachmentFormat: 'docx',
  });
  const text = prose(tree);
  expect(tree.meta.title).toBe('Raadsinformatiebrief: aanbieding integriteitsrapportage 2027');
  expect(text).toContain('Hierbij ontvangt u de integriteitsrapportage 2027.');
  expect(text).toContain(
    "richt zich op de vijf thema's waarop de organisatie zwak scoorde (drie voor de ambtelijke organisatie, twee voor bestuur en volksvertegenwoordiging), met voorrang voor Procedures met betrekking tot meldingen en Handhaving.",
  );
  expect(text).toContain(
    'De stand eind 2027 van de 19 maatregelen uit het plan: uitgevoerd 3, loopt 3, niet gestart 1, vervallen 1, nog niet ingevuld 2, later gepland 9.',
  );
  // Ambtelijk and bestuurlijk apart, as the report shows them; the misstanden apart as well.
  expect(text).toContain(
    'In 2027 kwamen 21 meldingen van een vermoeden van een integriteitsschending binnen, waarvan minder dan 5 over politieke ambtsdragers. ' +
      'Daarnaast kwamen minder dan 5 meldingen van een vermoeden van een misstand binnen.',
  );
  expect(text).toContain(
    'De rapportage is ter bespreking in de commissie Bestuur en Middelen van de gemeenteraad, samen met de burgemeester, ' +
      'die verantwoordelijk is voor het bevorderen van de bestuurlijke integriteit. ' +
      'De rapportage wordt gepubliceerd op www.voorbeeld.nl/integriteit en in het raadsinformatiesysteem.',
  );
  expect(text).toContain(`Integriteitsrapportage 2027: ${bestanden.rapportage}.docx`);
  expect(text).toContain(
    'Voor vragen kunt u contact opnemen met J. Jansen, integriteitsfunctionaris, telefoon 010-7654321, integriteit@voorbeeld.nl.',
  );
  expect(text).not.toContain('integriteitsbeleidsplan 2027–2030 van');
});

test('a small number of meldingen is not printed exactly in the letter either', async () => {
  const kb = await builtInKnowledge();
  const counts = zeroCounts(kb);
  setCategory(counts, 'corruptie', { ontvangen: 2, open: 2 });
  const { tree } = await render('brief', kb, exampleAnswers(kb, 'gemeente-rapportage-2027'), {
    offered: ['rapportage'],
    register: registerOf(counts),
  });
  const text = prose(tree);
  expect(text).toContain(
    'In 2027 kwamen minder dan 5 meldingen van een vermoeden van een integriteitsschending binnen, waarvan geen over politieke ambtsdragers.',
  );
  expect(text).not.toMatch(/kwamen 2 meldingen/);
});

test('offering both: both attachments, and a contact to fill in when the answers have none', async () => {
  const kb = await builtInKnowledge();
  const answers = answersFrom(kb, {
    organisatie: { naam: 'Waterschap Zonder Contact', type: 'waterschap' },
    zwakke_themas: [],
    planperiode: { van: 2027, tot: 2028 },
    verslagjaar: 2027,
    datum: '2028-03-01',
    status: 'vastgesteld',
  });
  const { tree } = await render('brief', kb, answers, { offered: ['beleidsplan', 'rapportage'] });
  const text = prose(tree);
  expect(tree.meta.title).toBe(
    'Informatienota: aanbieding integriteitsbeleidsplan 2027–2028 en integriteitsrapportage 2027',
  );
  expect(text).toContain('De organisatie scoort op geen enkel thema zwak.');
  expect(text).toContain('Ook ontvangt u de integriteitsrapportage 2027.');
  expect(text).toContain('De documenten zijn ter informatie.');
  expect(text).toContain('[invullen: naam, telefoonnummer en e-mailadres van de contactpersoon]');
  expect(text).toContain(`Integriteitsbeleidsplan 2027–2028: ${bestanden.beleidsplan}.pdf`);
  expect(text).toContain(`Integriteitsrapportage 2027: ${bestanden.rapportage}.pdf`);
});

describe('the number of meldingen in the letter, in words where that reads better', () => {
  test.each([
    [0, 5, 'In 2027 kwamen geen meldingen van een vermoeden van een integriteitsschending binnen.'],
    [
      1,
      0,
      'In 2027 kwam één melding van een vermoeden van een integriteitsschending binnen, waarvan geen over politieke ambtsdragers.',
    ],
    [
      7,
      5,
      'In 2027 kwamen 7 meldingen van een vermoeden van een integriteitsschending binnen, waarvan geen over politieke ambtsdragers.',
    ],
  ])('%i meldingen (threshold %i)', async (total, threshold, sentence) => {
    const kb = await builtInKnowledge();
    const counts = zeroCounts(kb);
    setCategory(counts, 'overig', { ontvangen: total });
    const { tree } = await render('brief', kb, exampleAnswers(kb, 'gemeente-rapportage-2027'), {
      offered: ['rapportage'],
      register: registerOf(counts),
      threshold,
    });
    expect(prose(tree)).toContain(sentence);
  });

  test('without a register the letter says nothing about the number', async () => {
    const kb = await builtInKnowledge();
    const { tree } = await render('brief', kb, exampleAnswers(kb, 'gemeente-rapportage-2027'), {
      offered: ['rapportage'],
    });
    expect(prose(tree)).not.toMatch(/kwam(en)? .*melding/);
  });
});

describe('the letter offers the report for discussion, in the type’s own terms', () => {
  const discussion = {
    gemeente:
      'De rapportage is ter bespreking in de commissie Bestuur van de gemeenteraad, samen met de burgemeester, die verantwoordelijk is voor het bevorderen van de bestuurlijke integriteit.',
    provincie:
      'De rapportage is ter bespreking in de commissie Bestuur van Provinciale Staten, samen met de Commissaris van de Koning, die verantwoordelijk is voor het bevorderen van de bestuurlijke integriteit.',
    waterschap:
      'De rapportage is ter bespreking in de commissie Bestuur van het algemeen bestuur, samen met de dijkgraaf, die verantwoordelijk is voor het bevorderen van de bestuurlijke integriteit.',
  } as const;

  test.each(Object.entries(discussion))('%s: the commissie, the body and its chair', async (type, sentence) => {
    const kb = await builtInKnowledge();
    const answers = answersFrom(kb, {
      organisatie: { naam: 'Voorbeeld', type },
      zwakke_themas: ['h2-gedragsregels', 'h56-rol-griffier'],
      planperiode: { van: 2027, tot: 2030 },
      verslagjaar: 2027,
      datum: '2028-02-01',
      aanbieding: { behandeling: 'ter-bespreking', commissie: 'commissie Bestuur', publicatie: 'op www.voorbeeld.nl' },
    });
    const text = prose((await render('brief', kb, answers, { offered: ['rapportage'] })).tree);
    expect(text).toContain(`${sentence} De rapportage wordt gepubliceerd op www.voorbeeld.nl.`);
    expect(text).not.toContain('ter informatie');
    // Ambtelijk and bestuurlijk apart in the summary.
    expect(text).toContain(
      "richt zich op de twee thema's waarop de organisatie zwak scoorde (één voor de ambtelijke organisatie, één voor bestuur en volksvertegenwoordiging).",
    );
    // Without a commissie, its name is to fill in.
    const open = prose(
      (
        await render(
          'brief',
          kb,
          { ...answers, aanbieding: { behandeling: 'ter-bespreking' } },
          {
            offered: ['rapportage'],
          },
        )
      ).tree,
    );
    expect(open).toContain('ter bespreking in de [invullen: naam van de commissie] van ');
    expect(open).toContain(
      'wordt gepubliceerd [invullen: op de website van de organisatie (of waar het wordt gepubliceerd)].',
    );
  });

  test('the Rijk: a nota, for discussion without a commissie', async () => {
    const kb = await builtInKnowledge();
    const answers = answersFrom(kb, {
      organisatie: { naam: 'Dienst Voorbeeld', type: 'rijk' },
      zwakke_themas: ['h2-gedragsregels'],
      planperiode: { van: 2027, tot: 2030 },
      verslagjaar: 2027,
      datum: '2028-02-01',
      aanbieding: { behandeling: 'ter-bespreking', publicatie: 'in het jaarverslag' },
    });
    const { tree } = await render('brief', kb, answers, {
      offered: ['rapportage'],
      register: exampleRegister(kb, 2027, 'rijk'),
    });
    const text = prose(tree);
    expect(text.split('\n')[0]).toBe('Nota');
    expect(text).toContain('De rapportage is ter bespreking. De rapportage wordt gepubliceerd in het jaarverslag.');
    expect(text).not.toMatch(/commissie|politieke ambtsdragers|ambtelijke organisatie/);
  });

  test('by default for information', async () => {
    const kb = await builtInKnowledge();
    const answers = { ...exampleAnswers(kb, 'gemeente-rapportage-2027'), aanbieding: undefined };
    const text = prose((await render('brief', kb, answers, { offered: ['rapportage'] })).tree);
    expect(text).toContain('De rapportage is ter informatie. De rapportage wordt gepubliceerd [invullen:');
  });
});

test('when the report hides the total of meldingen, the letter names no number and points to the report', async () => {
  const kb = await builtInKnowledge();
  // Four categories with one melding each: "< 5" four times under a "< 5" total would give them all away.
  const counts = zeroCounts(kb);
  for (const id of ['corruptie', 'giften', 'overig', 'misbruik-informatie']) setCategory(counts, id, { ontvangen: 1 });
  const { tree, context } = await render('brief', kb, exampleAnswers(kb, 'gemeente-rapportage-2027'), {
    offered: ['rapportage'],
    register: registerOf(counts),
  });
  expect(context.rapportage.tabellen.totaal[0]).toEqual({ soort: 'verborgen' });
  const text = prose(tree);
  expect(text).toContain(
    'Om te voorkomen dat betrokkenen herkenbaar worden, noemt deze brief het aantal meldingen in 2027 niet; hoofdstuk 3 van de rapportage geeft ze per soort.',
  );
  expect(text).not.toMatch(/In 2027 kwam/);
});
