import { normalizeDocument } from '../../src/document/normalize.js';
import type { SourceBlock } from '../../src/document/source.js';
import type { DocumentTree, Inline, Paragraph } from '../../src/document/tree.js';
import { sampleSource } from '../fixtures/sample-tree.js';

const t = (value: string): Inline => ({ type: 'text', value });

const SENTENCES = [
  'Integriteit is geen eenmalige activiteit maar een doorlopend proces dat aandacht vraagt van iedereen in de organisatie.',
  'Medewerkers, leidinggevenden en bestuurders bespreken regelmatig morele dilemma’s en leren van elkaars ervaringen.',
  'De integriteitsfunctionaris ondersteunt het management bij het opstellen van maatregelen en rapporteert jaarlijks aan het college.',
  'Naïeve aannames over „vanzelfsprekend” gedrag worden vervangen door heldere afspraken – vastgelegd in de gedragscode.',
  'Bij een vermoeden van een integriteitsschending kan een medewerker terecht bij de vertrouwenspersoon of het meldpunt.',
  'Het beleid sluit aan bij de Ambtenarenwet, de Gemeentewet en de handreikingen van het Huis voor Klokkenluiders.',
  'Één keer per jaar evalueert de organisatie de effectiviteit van de maatregelen en stelt zij het plan zo nodig bij.',
  'Risicovolle functies worden in kaart gebracht; voor die functies gelden aanvullende eisen bij werving en selectie.',
];

function longParagraph(seed: number, sentences: number): Paragraph {
  const children: Inline[] = [];
  for (let i = 0; i < sentences; i++) {
    const sentence = SENTENCES[(seed + i) % SENTENCES.length] ?? '';
    if (i % 5 === 2) children.push({ type: 'strong', children: [t(sentence)] }, t(' '));
    else if (i % 7 === 3) children.push({ type: 'emphasis', children: [t(sentence)] }, t(' '));
    else children.push(t(`${sentence} `));
  }
  return { type: 'paragraph', children };
}

/** A plan of roughly 25 pages: the sample's building blocks repeated 15 times, long paragraphs, a 60-row table. */
export function largeTree(): DocumentTree {
  const sample = sampleSource();
  const [titlePage, toc] = sample.children;
  const children: SourceBlock[] = [titlePage!, toc!, { type: 'pageBreak' }];
  for (let chapter = 1; chapter <= 15; chapter++) {
    const id = `hoofdstuk-${chapter}`;
    children.push(
      {
        type: 'heading',
        level: 1,
        id,
        children: [t(`${chapter}. Hoofdstuk over integriteit en ambtelijk vakmanschap`)],
      },
      longParagraph(chapter, 8),
      { type: 'heading', level: 2, id: `${id}-visie`, children: [t(`${chapter}.1 Visie, ambitie en doelen`)] },
      {
        type: 'paragraph',
        children: [
          t('Zie ook '),
          {
            type: 'link',
            url: 'https://www.huisvoorklokkenluiders.nl/',
            children: [t('het Huis voor Klokkenluiders')],
          },
          t(' voor achtergrond. '),
          { type: 'fillIn', children: [t('Beschrijf hier de visie van de organisatie op integriteit.')] },
        ],
      },
      longParagraph(chapter + 3, 7),
      {
        type: 'list',
        ordered: chapter % 2 === 0,
        items: [
          [longParagraph(chapter, 2)],
          [
            { type: 'paragraph', children: [t('Tweede punt met een geneste lijst')] },
            {
              type: 'list',
              ordered: true,
              items: [[longParagraph(chapter + 1, 1)], [longParagraph(chapter + 2, 1)]],
            },
          ],
          [longParagraph(chapter + 5, 1)],
        ],
      },
      {
        type: 'heading',
        level: 2,
        id: `${id}-maatregelen`,
        children: [t(`${chapter}.2 Maatregelen en verantwoordelijkheden`)],
      },
      longParagraph(chapter + 6, 5),
      { type: 'heading', level: 3, id: `${id}-planning`, children: [t('Planning')] },
      longParagraph(chapter + 2, 3),
    );
    if (chapter === 8) {
      children.push({
        type: 'table',
        align: [null, null, 'center', 'right'],
        header: [[t('Maatregel')], [t('Eigenaar')], [t('Kwartaal')], [t('Uren')]],
        rows: Array.from({ length: 60 }, (_, i) => [
          [t(`Maatregel ${i + 1}: bespreek dilemma’s in het team en leg afspraken vast`)],
          [t(i % 3 === 0 ? 'integriteitsfunctionaris' : 'leidinggevende')],
          [t(`2027-K${(i % 4) + 1}`)],
          [t(String(8 * ((i % 5) + 1)))],
        ]),
      });
    }
  }
  children.push(...sample.children.slice(2));
  return normalizeDocument({ meta: sample.meta, children }, 'pdf-large-tree');
}
