import { escapeXml, xmpDescriptions } from '../../../../src/writers/pdf/engine/xmp.js';

const info = {
  Title: 'College van B&W <Oost> & co',
  Author: 'J. "Jan" O’Neill',
  Subject: 'Zuidëinde – Ωmega',
  Keywords: 'integriteit, <plan>',
  Creator: 'integriteitsplan',
  Producer: 'integriteitsplan (pdfmake)',
  CreationDate: new Date('2027-01-15T00:00:00Z'),
  ModDate: new Date('2027-01-15T00:00:00Z'),
};

test('escapes the characters that XML gives a meaning', () => {
  expect(escapeXml(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &apos; f');
});

test('writes every value of the document information escaped, and no markup from a value', () => {
  const xmp = xmpDescriptions(info, { pdfa: false });
  expect(xmp).toContain('<rdf:li xml:lang="x-default">College van B&amp;W &lt;Oost&gt; &amp; co</rdf:li>');
  expect(xmp).toContain('<rdf:li>J. &quot;Jan&quot; O’Neill</rdf:li>');
  expect(xmp).toContain('<pdf:Keywords>integriteit, &lt;plan&gt;</pdf:Keywords>');
  expect(xmp).toContain('Zuidëinde – Ωmega');
  expect(xmp).not.toMatch(/<Oost>|<plan>|& /);
});

test('writes both dates as the information dictionary has them, and the PDF/UA identification', () => {
  const xmp = xmpDescriptions(info, { pdfa: false });
  expect(xmp).toContain('<xmp:CreateDate>2027-01-15T00:00:00Z</xmp:CreateDate>');
  expect(xmp).toContain('<xmp:ModifyDate>2027-01-15T00:00:00Z</xmp:ModifyDate>');
  expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
});

test('describes the PDF/UA schema for PDF/A only', () => {
  expect(xmpDescriptions(info, { pdfa: false })).not.toContain('pdfaExtension');
  const pdfa = xmpDescriptions(info, { pdfa: true });
  expect(pdfa).toContain('<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>');
  expect(pdfa).toContain('<pdfaProperty:name>part</pdfaProperty:name>');
});

test('leaves out what the information dictionary does not have', () => {
  const xmp = xmpDescriptions({ Title: 'Titel', CreationDate: info.CreationDate }, { pdfa: false });
  expect(xmp).not.toContain('xmp:ModifyDate');
  expect(xmp).not.toContain('pdf:Keywords');
  expect(xmp).not.toContain('dc:creator');
});
