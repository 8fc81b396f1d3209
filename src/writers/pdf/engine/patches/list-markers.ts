import { LIST_LABEL, MARKING } from '../structure.js';
import { internalPrototype } from './internals.js';

/**
 * Tagging hook for list markers: pdfmake 0.3.11 makes each list item's marker itself (DocMeasure), a vector for a
 * bullet and a word for a number, and copies nothing of the item onto it. This gives the marker the element the
 * writer put on the item's content (LIST_LABEL, a list label), so the tagging patch draws it as that label.
 */

interface Marker {
  /** A bullet: the vector that draws it. */
  canvas?: Record<string, unknown>[];
  /** A number: the laid-out word. */
  _inlines?: Record<string, unknown>[];
}

interface DocMeasure {
  buildUnorderedMarker(item: unknown, ...rest: unknown[]): Marker;
  buildOrderedMarker(item: unknown, ...rest: unknown[]): Marker;
}

function label(marker: Marker, item: unknown): Marker {
  const element = (item as { [LIST_LABEL]?: unknown } | null)?.[LIST_LABEL];
  if (element === undefined) return marker;
  for (const drawn of [marker.canvas?.[0], marker._inlines?.[0]]) if (drawn !== undefined) drawn[MARKING] = element;
  return marker;
}

let installed = false;

/** Installs the hook once per process; items without LIST_LABEL (other pdfmake users) are left alone. */
export function installListMarkers(): void {
  if (installed) return;
  const proto = internalPrototype<DocMeasure>('DocMeasure.js', ['buildUnorderedMarker', 'buildOrderedMarker']);
  const { buildUnorderedMarker, buildOrderedMarker } = proto;
  proto.buildUnorderedMarker = function (this: DocMeasure, item, ...rest) {
    return label(buildUnorderedMarker.call(this, item, ...rest), item);
  };
  proto.buildOrderedMarker = function (this: DocMeasure, item, ...rest) {
    return label(buildOrderedMarker.call(this, item, ...rest), item);
  };
  installed = true;
}
