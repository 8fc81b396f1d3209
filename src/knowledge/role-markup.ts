import type { OrganisationType } from './schema.js';

/*
 * Role references in the knowledge base's texts. The 2012 source speaks for every kind of
 * organisation at once ("de CdK/burgemeester", "het volksvertegenwoordigend orgaan"); a plan speaks
 * for one. A reference keeps the source's own words and says which form of which term stands there:
 *
 *   [[CdK/burgemeester|voorzitter]]                          the term's name: "burgemeester"
 *   [[het volksvertegenwoordigend orgaan|volksvertegenwoordiging.met_lidwoord]]   a form: "de gemeenteraad"
 *   [[dient|volksvertegenwoordiging:dient/dienen]]           a word that agrees in number with the term
 *
 * The words before the bar are the source's: rendering them gives back the source text word for
 * word, which is what the faithfulness tests check. The forms per organisation type live in
 * knowledge/organisatietypen.yaml.
 */

export interface TextPart {
  kind: 'text';
  text: string;
}

export interface RoleRef {
  kind: 'ref';
  /** The whole reference as written, for messages. */
  source: string;
  /** The source's own words. */
  seed: string;
  term: string;
  /** The form of the term; absent for its plain name or for an agreement. */
  form?: string;
  /** A word that agrees in number with the term. */
  agreement?: { singular: string; plural: string };
}

export type MarkupPart = TextPart | RoleRef;

export interface MarkupError {
  /** The faulty piece as written. */
  source: string;
  message: string;
}

const reference = /\[\[([^[\]|]*)\|([^[\]]*)\]\]/g;
const termName = /^[a-z][a-z_]*$/;

/** Splits a text into plain text and role references; what cannot be read is an error, never guessed. */
export function parseRoleMarkup(text: string): { parts: MarkupPart[]; errors: MarkupError[] } {
  const parts: MarkupPart[] = [];
  const errors: MarkupError[] = [];
  let last = 0;
  for (const match of text.matchAll(reference)) {
    const [source, seed, target] = match as unknown as [string, string, string];
    pushText(parts, errors, text.slice(last, match.index));
    last = match.index + source.length;
    const ref = parseTarget(source, seed, target.trim());
    if (typeof ref === 'string') {
      errors.push({ source, message: ref });
      parts.push({ kind: 'text', text: seed });
    } else parts.push(ref);
  }
  pushText(parts, errors, text.slice(last));
  return { parts, errors };
}

function pushText(parts: MarkupPart[], errors: MarkupError[], text: string): void {
  if (text === '') return;
  const stray = /\[\[|\]\]/.exec(text);
  if (stray) {
    const around = text.slice(Math.max(0, stray.index - 20), stray.index + 30).replace(/\s+/g, ' ');
    errors.push({
      source: around,
      message: 'een verwijzing naar een rol schrijft u als [[woorden uit de bron|rol]] of [[woorden|rol.vorm]]',
    });
  }
  parts.push({ kind: 'text', text });
}

function parseTarget(source: string, seed: string, target: string): RoleRef | string {
  if (seed.trim() === '') return 'vóór de | horen de woorden uit de bron';
  const agreement = /^([^:./]+):([^/]+)\/([^/]+)$/.exec(target);
  if (agreement) {
    const [, term, singular, plural] = agreement as unknown as [string, string, string, string];
    if (!termName.test(term.trim())) return `"${term.trim()}" is geen naam van een rol`;
    return { kind: 'ref', source, seed, term: term.trim(), agreement: { singular: singular.trim(), plural: plural.trim() } };
  }
  const [term = '', form, ...rest] = target.split('.');
  if (rest.length > 0 || !termName.test(term) || (form !== undefined && !termName.test(form))) {
    return `na de | hoort een rol, een rol.vorm of rol:enkelvoud/meervoud, niet "${target}"`;
  }
  return { kind: 'ref', source, seed, term, ...(form !== undefined ? { form } : {}) };
}

/** The text with the source's own words: what the 2012 text says (used by the faithfulness tests). */
export function seedWords(text: string): string {
  return parseRoleMarkup(text)
    .parts.map((part) => (part.kind === 'text' ? part.text : part.seed))
    .join('');
}

export function hasRoleMarkup(text: string): boolean {
  return /\[\[|\]\]/.test(text);
}

/**
 * The words a reference stands for in this type, or undefined where the type lacks the term or
 * the form. Forms are looked up in `vormen`; the plain name falls back to `rollen` and the form
 * `met_lidwoord` to `met_lidwoord`, so the names stay in one place.
 */
export function resolveRef(type: OrganisationType, ref: RoleRef): string | undefined {
  const forms = type.vormen[ref.term];
  if (ref.agreement) {
    if (!termExists(type, ref.term)) return undefined;
    return forms?.getal === 'meervoud' ? ref.agreement.plural : ref.agreement.singular;
  }
  const form = ref.form ?? 'naam';
  if (form === 'getal') return undefined;
  const own = forms?.[form];
  if (own !== undefined) return own;
  if (form === 'naam') return type.rollen[ref.term] ?? undefined;
  if (form === 'met_lidwoord') return type.rollen[ref.term] === null ? undefined : type.met_lidwoord[ref.term];
  return undefined;
}

function termExists(type: OrganisationType, term: string): boolean {
  if (type.rollen[term] === null) return false;
  return type.rollen[term] !== undefined || type.vormen[term] !== undefined || type.met_lidwoord[term] !== undefined;
}
