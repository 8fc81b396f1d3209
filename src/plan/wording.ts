import { parseRoleMarkup, resolveRef } from '../knowledge/role-markup.js';
import type { OrganisationType } from '../knowledge/schema.js';

/**
 * Renders a knowledge base text for one organisation type: every role reference becomes this
 * type's own word ("de gemeenteraad", "Provinciale Staten", "het algemeen bestuur"). Where the
 * source's words open a sentence with a capital, so does the type's word. The knowledge check has
 * made sure every reference resolves for every type the text is used for.
 */
export function renderForType(text: string, type: OrganisationType): string {
  return parseRoleMarkup(text)
    .parts.map((part) => {
      if (part.kind === 'text') return part.text;
      const words = resolveRef(type, part);
      if (words === undefined)
        throw new Error(
          `Role reference ${part.source} has no form for ${type.id}; the knowledge check should have caught it`,
        );
      return startsWithCapital(part.seed) ? capitalise(words) : words;
    })
    .join('');
}

function startsWithCapital(words: string): boolean {
  const first = words.trimStart().charAt(0);
  return first !== first.toLowerCase();
}

function capitalise(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}
