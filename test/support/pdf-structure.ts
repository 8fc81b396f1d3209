import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** An element of a tagged PDF's structure tree, with the pages (1-based) its own marked content is on. */
export interface StructureNode {
  type: string;
  /** /Alt, /ActualText and the table attributes, where set. */
  attributes: Record<string, unknown>;
  children: StructureNode[];
  /** The pages of its marked-content sequences, in order, one entry per sequence. */
  contentPages: number[];
  /**
   * Its annotations (object references): the page its reference names (/Pg) and the page whose /Annots holds it,
   * with the annotation's /Contents.
   */
  annotations: { pg: number | undefined; on: number | undefined; contents: string | undefined }[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The structure tree of a PDF, read with qpdf's JSON (version 2): the document's elements in reading order. */
export async function readStructure(path: string): Promise<StructureNode[]> {
  const { stdout } = await run('qpdf', ['--json=2', '--json-key=qpdf', '--json-key=pages', path], {
    maxBuffer: 256 * 2 ** 20,
  });
  const json = JSON.parse(stdout) as { qpdf: [unknown, Record<string, { value?: Json }>]; pages: { object: string }[] };
  const objects = json.qpdf[1];
  const value = (ref: Json | undefined): Json | undefined =>
    typeof ref === 'string' && / 0 R$/.test(ref) ? objects[`obj:${ref}`]?.value : ref;
  const dict = (ref: Json | undefined): Record<string, Json> | undefined => {
    const found = value(ref);
    return found !== null && typeof found === 'object' && !Array.isArray(found) ? found : undefined;
  };
  const pageNumbers = new Map(json.pages.map((page, i) => [page.object, i + 1]));
  const annotationPages = new Map<string, number>();
  for (const [ref, page] of pageNumbers) {
    const annots = value(dict(ref)?.['/Annots']);
    for (const annot of Array.isArray(annots) ? annots : [])
      if (typeof annot === 'string') annotationPages.set(annot, page);
  }
  const catalog = Object.values(objects).find((object) => dict(object.value ?? null)?.['/Type'] === '/Catalog')
    ?.value as Record<string, Json> | undefined;
  const root = dict(catalog?.['/StructTreeRoot']);
  if (root === undefined) return [];

  const element = (ref: Json, inheritedPage: number | undefined): StructureNode | undefined => {
    const data = dict(ref);
    if (data?.['/S'] === undefined) return undefined;
    const page = typeof data['/Pg'] === 'string' ? pageNumbers.get(data['/Pg']) : inheritedPage;
    const node: StructureNode = {
      type: String(data['/S']).replace(/^\//, ''),
      attributes: Object.fromEntries(
        ['/Alt', '/ActualText', '/A'].filter((key) => key in data).map((key) => [key.slice(1), value(data[key])]),
      ),
      children: [],
      contentPages: [],
      annotations: [],
    };
    const kids = data['/K'];
    for (const kid of Array.isArray(kids) ? kids : kids === undefined ? [] : [kids]) {
      if (typeof kid === 'number') {
        if (page !== undefined) node.contentPages.push(page);
        continue;
      }
      const kidData = dict(kid);
      if (kidData?.['/Type'] === '/MCR') {
        const mcrPage = typeof kidData['/Pg'] === 'string' ? pageNumbers.get(kidData['/Pg']) : page;
        if (mcrPage !== undefined) node.contentPages.push(mcrPage);
        continue;
      }
      if (kidData?.['/Type'] === '/OBJR') {
        const obj = kidData['/Obj'];
        const contents = dict(obj)?.['/Contents'];
        node.annotations.push({
          pg: typeof kidData['/Pg'] === 'string' ? pageNumbers.get(kidData['/Pg']) : undefined,
          on: typeof obj === 'string' ? annotationPages.get(obj) : undefined,
          contents: typeof contents === 'string' ? contents.replace(/^u:/, '') : undefined,
        });
        continue;
      }
      const child = element(kid, page);
      if (child !== undefined) node.children.push(child);
    }
    return node;
  };
  const kids = root['/K'];
  return (Array.isArray(kids) ? kids : kids === undefined ? [] : [kids])
    .map((kid) => element(kid, undefined))
    .filter((node): node is StructureNode => node !== undefined);
}

/** Every element of the trees, depth first in reading order. */
export function flatten(nodes: readonly StructureNode[]): StructureNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

/** The pages an element's content and that of everything in it is on, ascending, each once. */
export function pagesOf(node: StructureNode): number[] {
  return [...new Set(flatten([node]).flatMap((n) => n.contentPages))].sort((a, b) => a - b);
}
