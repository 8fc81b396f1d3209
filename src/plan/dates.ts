const dutchDate = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** An ISO date as it stands in Dutch running text: "15 januari 2027". */
export function longDate(iso: string): string {
  return dutchDate.format(new Date(`${iso}T00:00:00Z`));
}
