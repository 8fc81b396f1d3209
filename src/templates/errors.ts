import { UserError } from '../validation/problem.js';

/** Handlebars' grammar tokens in the words of someone editing a template. */
const tokenNames: Record<string, string> = {
  EOF: 'het einde van het bestand',
  CLOSE: '}}',
  CLOSE_UNESCAPED: '}}}',
  CLOSE_RAW_BLOCK: '}}}}',
  CLOSE_SEXPR: ')',
  OPEN_SEXPR: '(',
  OPEN: '{{',
  OPEN_BLOCK: '{{#',
  OPEN_ENDBLOCK: '{{/…}}',
  OPEN_INVERSE: '{{^',
  OPEN_INVERSE_CHAIN: '{{else …}}',
  INVERSE: '{{else}}',
  OPEN_PARTIAL: '{{>',
  OPEN_PARTIAL_BLOCK: '{{#>',
  OPEN_UNESCAPED: '{{{',
  ID: 'een naam',
  STRING: 'een tekst tussen aanhalingstekens',
  NUMBER: 'een getal',
  BOOLEAN: 'true of false',
  UNDEFINED: 'undefined',
  NULL: 'null',
  DATA: '@naam',
  EQUALS: '=',
  SEP: '. of /',
  CONTENT: 'tekst',
  COMMENT: 'een opmerking',
  INVALID: 'een teken dat hier niet kan',
  OPEN_BLOCK_PARAMS: 'as |…|',
  CLOSE_BLOCK_PARAMS: '|',
};

function describeParseError(message: string): string | undefined {
  const parse = /^Parse error on line \d+:\n([^\n]*)\n(-*\^)\nExpecting (.+), got '([A-Z_]+)'$/s.exec(message);
  if (parse) {
    const [, excerpt, pointer, expectingList, got] = parse;
    const expecting = [...expectingList!.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]!);
    const gotName = tokenNames[got!] ?? got!;
    const where = `\n    ${excerpt}\n    ${pointer}`;
    if (got === 'EOF' && expecting.includes('OPEN_ENDBLOCK')) {
      return `een blok dat met {{#…}} begint wordt niet afgesloten met {{/…}} voor het einde van het bestand${where}`;
    }
    const wanted = [...new Set(expecting.map((token) => tokenNames[token] ?? token))].slice(0, 6).join(', ');
    return `onjuiste Handlebars-syntaxis: hier hoort ${wanted}, maar er staat ${gotName}${where}`;
  }
  const mismatch = /^(.+) doesn't match (.+) - \d+:\d+$/.exec(message);
  if (mismatch) {
    return `{{/${mismatch[2]}}} sluit het blok {{#${mismatch[1]}}} af; schrijf {{/${mismatch[1]}}} (of sluit eerst het binnenste blok af)`;
  }
  if (/^Lexical error on line \d+/.test(message)) {
    return 'onbekende tekens na {{ (bijvoorbeeld een opmerking {{!-- … --}} die niet is afgesloten)';
  }
  return undefined;
}

/**
 * A mistake in a template as the user reads it, with file and line: Handlebars syntax (when compiling), a value the
 * document does not have or a helper that fails (when filling in).
 */
export function templateError(file: string, error: unknown): UserError {
  if (error instanceof UserError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const line =
    (error as { lineNumber?: number } | undefined)?.lineNumber ??
    /on line (\d+)/.exec(message)?.[1] ??
    / - (\d+):\d+$/.exec(message)?.[1];
  const place = `Fout in sjabloon ${file}${line ? ` op regel ${line}` : ''}`;
  const missing = /^"(.+)" not defined in .* - \d+:\d+$/s.exec(message);
  const reason =
    describeParseError(message) ??
    (missing
      ? `de waarde "${missing[1]}" bestaat niet in de gegevens van het document`
      : 'een helper of onderdeel werkt niet met deze gegevens; controleer de {{…}}-uitdrukkingen in dit sjabloon');
  return new UserError(`${place}: ${reason}`);
}
