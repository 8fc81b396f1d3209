/**
 * A node whose type no handler of a writer knows: the tree and the writer disagree, a bug rather than a user's
 * mistake (the Markdown stage only builds nodes of the tree's types). Both writers report it alike, naming the
 * writer, the node type and the Markdown line it came from.
 */
export class UnknownNodeError extends Error {
  constructor(
    readonly writer: 'DOCX' | 'PDF',
    readonly kind: 'block' | 'inline',
    readonly nodeType: string,
    readonly line: number | undefined,
  ) {
    const where = line === undefined ? 'at an unknown line' : `at line ${line}`;
    super(
      `${writer} writer: unknown ${kind} node type "${nodeType}" ${kind === 'inline' ? 'in the block ' : ''}${where}`,
    );
    this.name = 'UnknownNodeError';
  }
}

/**
 * The handler for a node from a writer's handler table, or an UnknownNodeError. The tables are typed so that every
 * node type of the tree has a handler; this guards against nodes built outside the tree's types.
 */
export function handlerFor<H>(
  table: object,
  node: { type: string },
  writer: 'DOCX' | 'PDF',
  kind: 'block' | 'inline',
  line: number | undefined,
): H {
  const type: unknown = node.type;
  if (typeof type === 'string' && Object.hasOwn(table, type)) return (table as Record<string, H>)[type] as H;
  throw new UnknownNodeError(writer, kind, String(type), line);
}
