/**
 * The XMP metadata of a PDF/UA-1 document (and, with `pdfa`, of PDF/A-2a as well): the document information as XMP,
 * every value XML-escaped, the dates equal to those of the document information dictionary, and the PDF/UA
 * identification. PDF/A allows only the schemas it predefines unless the file describes the others: the PDF/UA
 * identification schema gets its extension schema description. pdfkit adds the PDF/A identification itself.
 */

/** pdfkit's document information (its `info`): strings and dates. */
export interface DocumentInfo {
  Title?: string;
  Author?: string;
  Subject?: string;
  Keywords?: string;
  Creator?: string;
  Producer?: string;
  CreationDate?: Date;
  ModDate?: Date;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text as XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** A date as XMP writes it: ISO 8601 in UTC to the second, as pdfkit writes D:…Z in the information dictionary. */
const xmpDate = (date: Date): string => `${date.toISOString().split('.')[0]}Z`;

const PDFUA_EXTENSION = `
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
  <pdfaExtension:schemas>
    <rdf:Bag>
      <rdf:li rdf:parseType="Resource">
        <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
        <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
        <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
        <pdfaSchema:property>
          <rdf:Seq>
            <rdf:li rdf:parseType="Resource">
              <pdfaProperty:name>part</pdfaProperty:name>
              <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
              <pdfaProperty:category>internal</pdfaProperty:category>
              <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
            </rdf:li>
          </rdf:Seq>
        </pdfaSchema:property>
      </rdf:li>
    </rdf:Bag>
  </pdfaExtension:schemas>
</rdf:Description>`;

/** The rdf:Description elements for pdfkit's XMP packet (it adds the packet, x:xmpmeta and rdf:RDF around them). */
export function xmpDescriptions(info: DocumentInfo, options: { pdfa: boolean }): string {
  const element = (name: string, value: string | undefined) =>
    value === undefined ? '' : `\n  <${name}>${escapeXml(value)}</${name}>`;
  const date = (name: string, value: Date | undefined) => (value === undefined ? '' : element(name, xmpDate(value)));
  const alt = (name: string, value: string | undefined) =>
    value === undefined
      ? ''
      : `\n  <${name}><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt></${name}>`;
  const seq = (name: string, value: string | undefined) =>
    value === undefined ? '' : `\n  <${name}><rdf:Seq><rdf:li>${escapeXml(value)}</rdf:li></rdf:Seq></${name}>`;
  return [
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">${date('xmp:CreateDate', info.CreationDate)}${date('xmp:ModifyDate', info.ModDate)}${element('xmp:CreatorTool', info.Creator)}\n</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">${alt('dc:title', info.Title)}${seq('dc:creator', info.Author)}${alt('dc:description', info.Subject)}\n</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">${element('pdf:Producer', info.Producer)}${element('pdf:Keywords', info.Keywords)}\n</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">\n  <pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>`,
    ...(options.pdfa ? [PDFUA_EXTENSION.trim()] : []),
  ].join('\n');
}
