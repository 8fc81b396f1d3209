import { normalizeDocument } from '../../src/document/normalize.js';
import type { SourceBlock } from '../../src/document/source.js';
import type { DocumentTree, Inline } from '../../src/document/tree.js';
import { sampleSource } from '../fixtures/sample-tree.js';

const t = (value: string): Inline => ({ type: 'text', value });

const PROSE =
  'Integriteit is een kernwaarde van het openbaar bestuur. Medewerkers en bestuurders handelen zorgvuldig, ' +
  'onpartijdig en betrouwbaar, en spreken elkaar aan op gedrag. Het college zorgt voor een veilige ' +
  'werkomgeving waarin dilemma’s bespreekbaar zijn – ook als het om naïeve vragen gaat.';

/** One chapter of a plan: headings, prose with every inline type, a fill-in, nested lists and a table. */
function chapter(n: number): SourceBlock[] {
  return [
    { type: 'heading', level: 1, id: `hoofdstuk-${n}`, children: [t(`${n}. Hoofdstuk ${n}`)] },
    { type: 'paragraph', children: [t(PROSE), t(' '), { type: 'strong', children: [t('Vet.')] }] },
    { type: 'heading', level: 2, id: `paragraaf-${n}-1`, children: [t(`${n}.1 Maatregelen`)] },
    {
      type: 'paragraph',
      children: [
        { type: 'emphasis', children: [t('Zie ook ')] },
        { type: 'link', url: `https://www.example.nl/${n}`, children: [t('de toelichting')] },
        t('. '),
        { type: 'fillIn', children: [t('Vul hier de naam van de vertrouwenspersoon in.')] },
      ],
    },
    {
      type: 'list',
      ordered: true,
      items: [1, 2, 3].map((i) => [
        { type: 'paragraph', children: [t(`Stap ${i}: ${PROSE.slice(0, 90)}`)] },
        { type: 'list', ordered: false, items: [[{ type: 'paragraph', children: [t('Toelichting bij de stap.')] }]] },
      ]),
    },
    { type: 'heading', level: 3, id: `planning-${n}`, children: [t('Planning')] },
    {
      type: 'table',
      align: [null, 'left', 'center'],
      header: [[t('Maatregel')], [t('Eigenaar')], [t('Kwartaal')]],
      rows: Array.from({ length: 12 }, (_, i) => [
        [t(`Maatregel ${i + 1}: bespreek dilemma’s in het team`)],
        [t('integriteitsfunctionaris')],
        [t(`2027-K${(i % 4) + 1}`)],
      ]),
    },
    { type: 'paragraph', children: [t(PROSE)] },
    { type: 'paragraph', children: [t(PROSE), { type: 'lineBreak' }, t(PROSE)] },
  ];
}

/** The sample tree with `chapters` more chapters: about 25 pages with the default of 12. */
export function largeTree(chapters = 12): DocumentTree {
  const sample = sampleSource();
  const extra = Array.from({ length: chapters }, (_, i) => chapter(i + 2)).flat();
  return normalizeDocument({ ...sample, children: [...sample.children, ...extra] }, 'docx-large-tree');
}
