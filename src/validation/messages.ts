import { z } from 'zod';

/*
 * zod's own messages, in the words of someone editing a YAML or JSON file ("hier hoort een lijst")
 * rather than of a programmer ("verwacht array, ontving string"). A message a schema gives itself
 * wins; this covers every other issue, so no English and no zod jargon reaches the user.
 */

const typeNames: Record<string, string> = {
  array: 'een lijst, bijvoorbeeld [a, b]',
  tuple: 'een lijst, bijvoorbeeld [a, b]',
  object: 'sleutels met waarden (een groep ingesprongen regels)',
  record: 'sleutels met waarden (een groep ingesprongen regels)',
  map: 'sleutels met waarden (een groep ingesprongen regels)',
  string: 'een tekst',
  number: 'een getal',
  int: 'een heel getal',
  bigint: 'een heel getal',
  boolean: 'ja of nee (true/false)',
  date: 'een datum als JJJJ-MM-DD',
  null: 'niets (leeg)',
};

function received(input: unknown): string {
  if (input === null) return 'de waarde is leeg';
  if (Array.isArray(input)) return 'er staat een lijst';
  switch (typeof input) {
    case 'string':
      return 'er staat een tekst';
    case 'number':
      return 'er staat een getal';
    case 'boolean':
      return 'er staat ja/nee (true/false)';
    case 'object':
      return 'er staan sleutels met waarden';
    default:
      return 'er staat iets anders';
  }
}

const units: Record<string, string> = { string: 'tekens', array: 'onderdelen', set: 'onderdelen', map: 'sleutels' };

function size(origin: string, bound: number | bigint): string {
  const unit = units[origin];
  return unit ? `${bound} ${unit}` : String(bound);
}

export function dutchIssueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'deze sleutel ontbreekt';
      const expected = typeNames[issue.expected] ?? 'een andere soort waarde';
      return `hier hoort ${expected}; ${received(issue.input)}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `hier hoort ${JSON.stringify(issue.values[0])}`
        : `kies uit: ${issue.values.map(String).join(', ')}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `te lang: hoogstens ${size('string', issue.maximum)}`
        : `te groot: hoogstens ${size(issue.origin, issue.maximum)}`;
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) <= 1
          ? 'mag niet leeg zijn'
          : `te kort: minstens ${size('string', issue.minimum)}`
        : `te klein: minstens ${size(issue.origin, issue.minimum)}`;
    case 'invalid_format':
      return issue.format === 'email'
        ? 'geen geldig e-mailadres'
        : issue.format === 'url'
          ? 'geen geldig webadres (begin met https://)'
          : 'deze waarde heeft niet de goede vorm';
    case 'not_multiple_of':
      return `moet een veelvoud van ${issue.divisor} zijn`;
    case 'unrecognized_keys':
      return `onbekende sleutel(s): ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
    case 'invalid_key':
      return 'deze sleutel is hier niet toegestaan';
    case 'invalid_element':
      return 'deze waarde is hier niet toegestaan';
    case 'invalid_union':
      return 'deze waarde heeft niet een van de toegestane vormen';
    default:
      return 'deze waarde is hier niet toegestaan';
  }
}

z.config({ localeError: dutchIssueMessage });
