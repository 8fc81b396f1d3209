import { parseRoleMarkup, resolveRef } from '../knowledge/role-markup.js';
import type { OrganisationType } from '../knowledge/schema.js';

/**
 * Renders a knowledge base text for one organisation type: every role reference becomes this
 * type's own word ("de gemeenteraad", "Provinciale Staten", "het algemeen bestuur"), with a capital
 * where it opens a sentence. The knowledge check has made sure every reference resolves for every
 * type the text is used for.
 */
export function renderForType(text: string, type: OrganisationType): string {
  let out = '';
  for (const part of parseRoleMarkup(text).parts) {
    if (part.kind === 'text') {
      out += part.text;
      continue;
    }
    const words = resolveRef(type, part);
    if (words === undefined) {
      throw new Error(
        `Role reference ${part.source} has no form for ${type.id}; the knowledge check should have caught it`,
      );
    }
    out += opensSentence(out) ? capitalise(words) : words;
  }
  return out;
}

/** The source's own capital is no guide ("CdK/burgemeester"); the place in the sentence is. */
function opensSentence(before: string): boolean {
  const trimmed = before.trimEnd();
  return trimmed === '' || /[.!?][”’")]?$/.test(trimmed) || before.endsWith('\n');
}

function capitalise(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}
