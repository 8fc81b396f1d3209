import { CommanderError } from 'commander';
import { formatProblem, UserError } from '../validation/problem.js';
import { closestMatch } from '../validation/suggest.js';
import type { CliIo } from './io.js';

/** Exit codes: 0 done, 1 a user mistake, 2 a bug or environment failure, 130 stopped by the user. */
export const exitCodes = { ok: 0, userError: 1, internalError: 2, interrupted: 130 } as const;

/** Commander's own messages, in Dutch. Names in quotes are taken over from the original message. */
function translateCommanderError(error: CommanderError): string {
  const quoted = [...error.message.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  const suggestion = /Did you mean (.+)\?/.exec(error.message)?.[1];
  const hint = suggestion ? ` Bedoelde u ${suggestion}?` : '';
  switch (error.code) {
    case 'commander.unknownOption':
      return `Onbekende optie ${quoted[0]}.${hint} Zie --help.`;
    case 'commander.unknownCommand':
      return `Onbekende opdracht ${quoted[0]}.${hint} Zie integriteitsplan --help.`;
    case 'commander.optionMissingArgument':
      return `De optie ${quoted[0]} heeft een waarde nodig.`;
    case 'commander.missingMandatoryOptionValue':
      return `De optie ${quoted[0]} is verplicht.`;
    case 'commander.missingArgument':
      return `Er ontbreekt een argument: ${quoted[0]}.`;
    case 'commander.excessArguments':
      return `Te veel argumenten. Zie --help.`;
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.+)\./.exec(error.message)?.[1];
      const option = quoted[0]?.split(' ')[0];
      const value = /argument '([^']*)' is invalid/i.exec(error.message)?.[1];
      const meant = value !== undefined && choices ? closestMatch(value, choices.split(', ')) : undefined;
      return `Ongeldige waarde${value !== undefined ? ` "${value}"` : ''} voor ${option}.${meant ? ` Bedoelde u ${meant}?` : ''}${choices ? ` Kies uit: ${choices}.` : ''}`;
    }
    default:
      return error.message.replace(/^error: /, '');
  }
}

export const goodbyeMessage = '\nGestopt. Er is niets opgeslagen. Tot ziens!\n';
/** Stopped while documents were made: the output folder holds the old set or, if saving had finished, the new one. */
export const interruptedMessage =
  '\nGestopt. Er is niets half geschreven: in de uitvoermap staan de bestanden van vóór deze opdracht, of, als het opslaan al klaar was, alle nieuwe.\n';

/** Enough to see what is wrong; thousands of lines (30,000 unknown keys) would bury the first. */
const maxProblemsShown = 50;

/** Turns any error into a Dutch message and an exit code; a stack trace only for real bugs. */
export function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    ) {
      return exitCodes.ok;
    }
    io.stderr(`Fout: ${translateCommanderError(error)}\n`);
    return exitCodes.userError;
  }
  if (error instanceof UserError) {
    io.stderr(`Fout: ${error.message}\n`);
    for (const problem of error.problems.slice(0, maxProblemsShown)) io.stderr(`  - ${formatProblem(problem)}\n`);
    const hidden = error.problems.length - maxProblemsShown;
    if (hidden > 0)
      io.stderr(
        `  … en nog ${hidden} ${hidden === 1 ? 'fout' : 'fouten'}; verbeter eerst deze en probeer het opnieuw.\n`,
      );
    return exitCodes.userError;
  }
  if (isPromptExit(error)) {
    io.stderr(goodbyeMessage);
    return exitCodes.interrupted;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr(
    `Er ging iets mis in integriteitsplan zelf (geen fout van u). Meld dit graag met de tekst hieronder.\n${detail}\n`,
  );
  return exitCodes.internalError;
}

/** @inquirer throws ExitPromptError on Ctrl-C; our wizard throws AbortPromptError on Escape. */
function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}
