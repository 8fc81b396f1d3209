import { UserError } from './problem.js';

/*
 * The one table of file system refusals a user can cause (a wrong path, a folder where a file
 * should be, no rights, a full disk…), in Dutch, with what to do. Every file the tool reads or
 * writes goes through `fileSystemError`, so no errno reaches the user as a stack trace or a bare
 * code. Anything not in the table is a real failure of the machine or of the tool and stays an
 * internal error.
 */

type Action = 'lezen' | 'schrijven' | 'maken';

interface Reason {
  /** Why, in a few words, after "Kan PAD niet lezen: ". */
  why: string;
  /** What the user can do about it. */
  fix: string;
}

const reasons: Record<string, (action: Action) => Reason> = {
  ENOENT: (action) =>
    action === 'lezen'
      ? { why: 'het bestand of de map bestaat niet', fix: 'controleer de naam en de map' }
      : { why: 'de map kan hier niet worden aangemaakt', fix: 'kies een map op een gewone schijf' },
  ENOTDIR: () => ({
    why: 'een deel van dit pad is een bestand, geen map',
    fix: 'controleer het pad of kies een andere map',
  }),
  EEXIST: () => ({ why: 'een deel van dit pad is een bestand, geen map', fix: 'kies een andere map' }),
  EISDIR: (action) => ({
    why: 'er staat een map met deze naam',
    fix:
      action === 'lezen'
        ? 'geef het bestand zelf op, niet een map'
        : 'hernoem of verwijder die map, of kies een andere map',
  }),
  ELOOP: () => ({
    why: 'dit pad bevat een kring van snelkoppelingen (symbolische links)',
    fix: 'herstel of verwijder de snelkoppeling',
  }),
  EACCES: (action) => ({
    why: action === 'lezen' ? 'u hebt geen leesrechten' : 'u hebt geen schrijfrechten in deze map',
    fix: action === 'lezen' ? 'vraag leesrechten of kopieer het bestand' : 'kies een map waarin u mag schrijven',
  }),
  EPERM: (action) => ({
    why: action === 'lezen' ? 'u hebt geen leesrechten' : 'het besturingssysteem staat dit niet toe',
    fix: action === 'lezen' ? 'vraag leesrechten of kopieer het bestand' : 'kies een map waarin u mag schrijven',
  }),
  EROFS: () => ({ why: 'deze schijf is alleen-lezen', fix: 'kies een map op een schijf waarop u mag schrijven' }),
  ENOSPC: () => ({ why: 'de schijf is vol', fix: 'maak ruimte vrij of kies een andere schijf' }),
  EDQUOT: () => ({ why: 'uw schijfruimte (quotum) is op', fix: 'maak ruimte vrij of kies een andere schijf' }),
  EFBIG: () => ({ why: 'het bestand is te groot voor deze schijf', fix: 'kies een andere schijf' }),
  ENAMETOOLONG: () => ({ why: 'de naam of het pad is te lang', fix: 'kies een kortere map of naam' }),
  EINVAL: () => ({
    why: 'deze naam is op deze schijf niet toegestaan',
    fix: 'kies een map met een gewone naam op een gewone schijf',
  }),
  EBUSY: () => ({ why: 'het bestand is in gebruik', fix: 'sluit het (bijvoorbeeld in Word) en probeer het opnieuw' }),
  ETXTBSY: () => ({ why: 'het bestand is in gebruik', fix: 'sluit het en probeer het opnieuw' }),
  EMFILE: () => ({
    why: 'er staan te veel bestanden tegelijk open',
    fix: 'sluit andere programma’s en probeer het opnieuw',
  }),
  ENFILE: () => ({
    why: 'er staan te veel bestanden tegelijk open',
    fix: 'sluit andere programma’s en probeer het opnieuw',
  }),
  EIO: () => ({ why: 'de schijf gaf een leesfout of schrijffout', fix: 'controleer de schijf of kies een andere' }),
  ENXIO: () => ({ why: 'dit is geen gewoon bestand', fix: 'geef een gewoon bestand op' }),
  ENODEV: () => ({ why: 'dit is geen gewoon bestand', fix: 'geef een gewoon bestand op' }),
  EXDEV: () => ({ why: 'het bestand kan niet naar een andere schijf worden verplaatst', fix: 'kies een andere map' }),
  ESTALE: () => ({
    why: 'de netwerkschijf is niet meer bereikbaar',
    fix: 'maak opnieuw verbinding en probeer het opnieuw',
  }),
  ETIMEDOUT: () => ({ why: 'de (netwerk)schijf antwoordt niet', fix: 'probeer het later opnieuw' }),
  ENOTSUP: () => ({ why: 'deze schijf ondersteunt dit niet', fix: 'kies een map op een andere schijf' }),
  EOPNOTSUPP: () => ({ why: 'deze schijf ondersteunt dit niet', fix: 'kies een map op een andere schijf' }),
};

export function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A file system refusal as a UserError naming the path, the reason and what to do; `what` names the
 * file in the user's words ("het antwoordenbestand", "de map voor de documenten"). Errors that are
 * not a file system refusal a user can cause are returned unchanged, to be reported as a bug.
 */
export function fileSystemError(error: unknown, path: string, action: Action, what?: string): unknown {
  if (error instanceof UserError) return error;
  const reason = fileSystemReason(error, action);
  if (!reason) return error;
  const subject = what ? `${what} ${path}` : path;
  return new UserError(`Kan ${subject} niet ${action}: ${reason}`, [], { cause: error });
}

/** "er staat een map met deze naam. Geef het bestand zelf op, niet een map.", or undefined for an error no user causes. */
export function fileSystemReason(error: unknown, action: Action): string | undefined {
  const code = errorCode(error);
  const reason = code ? reasons[code]?.(action) : undefined;
  return reason ? `${reason.why}. ${capitalise(reason.fix)}.` : undefined;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
