const dutchDate = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** An ISO date as it stands in Dutch running text: "15 januari 2027". */
export function longDate(iso: string): string {
  return dutchDate.format(new Date(`${iso}T00:00:00Z`));
}

const dutchMonth = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Only month and year, for a date that is not certain: "maart 2030". */
export function monthAndYear(iso: string): string {
  return dutchMonth.format(new Date(`${iso}T00:00:00Z`));
}
