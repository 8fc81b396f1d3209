import { CommanderError } from 'commander';
import { formatProblem, UserError } from '../validation/problem.js';
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
      return `Ongeldige waarde ${quoted[1] ? `"${quoted[1]}"` : ''} voor ${option}.${choices ? ` Kies uit: ${choices}.` : ''}`;
    }
    default:
      return error.message.replace(/^error: /, '');
  }
}

export const goodbyeMessage = '\nGestopt. Er is niets opgeslagen. Tot ziens!\n';
/** Ctrl-C while files are written: half-written files are gone, finished ones stay. */
export const interruptedMessage =
  '\nGestopt. Half geschreven bestanden zijn opgeruimd; kijk in de uitvoermap welke documenten al klaar waren.\n';

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
    for (const problem of error.problems) io.stderr(`  - ${formatProblem(problem)}\n`);
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
