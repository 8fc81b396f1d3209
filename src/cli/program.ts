import { Command, Option } from 'commander';
import { availableParallelism } from 'node:os';
import { chapterIds, organisationTypeIds } from '../knowledge/ids.js';
import { toolVersion } from '../paths.js';
import { UserError } from '../validation/problem.js';
import { closestMatch } from '../validation/suggest.js';
import type { CliIo } from './io.js';

/*
 * Each command's module is imported only when that command runs: `--help` needs none of them, and `themas`
 * neither the wizard's prompts nor the writers.
 */
const commands = {
  basisnormen: () => import('./commands/basisnormen.js'),
  check: () => import('./commands/check.js'),
  generate: () => import('./commands/generate.js'),
  themes: () => import('./commands/themes.js'),
  wizard: () => import('./commands/wizard.js'),
};

const dutchTitles: Record<string, string> = {
  'Usage:': 'Gebruik:',
  'Options:': 'Opties:',
  'Commands:': 'Opdrachten:',
  'Arguments:': 'Argumenten:',
  'Global Options:': 'Algemene opties:',
};

function dutchCommand(command: Command, io: CliIo): Command {
  return command
    .helpOption('-h, --help', 'toon deze hulp')
    .usage('[opties]')
    .configureHelp({
      styleTitle: (title) => dutchTitles[title] ?? title,
      optionDescription: (option) => {
        const extras = [
          option.argChoices ? `keuze uit: ${option.argChoices.join(', ')}` : '',
          option.defaultValue !== undefined
            ? `standaard: ${option.defaultValueDescription ?? String(option.defaultValue)}`
            : '',
        ].filter(Boolean);
        return extras.length > 0 ? `${option.description} (${extras.join('; ')})` : option.description;
      },
      subcommandTerm: (sub) => [sub.name(), sub.usage()].filter(Boolean).join(' '),
    })
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .exitOverride();
}

/** A command under `integriteitsplan`; loose words are refused by refuseLooseWords, not by commander, for a better message. */
function subcommand(program: Command, name: string, io: CliIo): Command {
  return dutchCommand(program.command(name), io)
    .allowExcessArguments()
    .hook('preAction', (command) => refuseLooseWords(command));
}

/** Options that take a list: a space instead of a comma leaves the rest of the list as loose words. */
const listOptions = ['--formaten', '--document'];

/**
 * No command takes loose words, so one is a mistake: most often a list written with spaces
 * (`--formaten pdf docx`) or a path with a space that was not quoted. Named, with the fix.
 */
function refuseLooseWords(command: Command): void {
  if (command.args.length === 0) return;
  // With { from: 'user' } commander keeps the words exactly as given.
  const raw = (command.parent as unknown as { rawArgs?: string[] } | null)?.rawArgs ?? [];
  const word = command.args[0]!;
  const at = raw.indexOf(word);
  // `--formaten pdf docx` or `--formaten=pdf docx`: the option and its first value before the loose word.
  const [option, value] =
    at >= 1 && raw[at - 1]!.includes('=') ? raw[at - 1]!.split('=', 2) : [raw[at - 2], raw[at - 1]];
  if (option !== undefined && value !== undefined && listOptions.includes(option)) {
    const rest = raw.slice(at);
    const end = rest.findIndex((w) => w.startsWith('-'));
    const loose = end < 0 ? rest : rest.slice(0, end);
    throw new UserError(
      `Onverwacht woord "${word}" na ${option} ${value}. Schrijf een lijst met komma's en zonder spaties: ` +
        `${option} ${[value, ...loose].join(',')}.`,
    );
  }
  throw new UserError(
    `Onverwacht woord "${word}": ${command.name()} kent geen losse woorden, alleen opties (zie integriteitsplan ${command.name()} --help). ` +
      'Staat er een spatie in een pad of naam, zet die dan tussen aanhalingstekens, bijvoorbeeld --uitvoer "Mijn plannen".',
  );
}

/**
 * Commander's own wording (`unknown command 'x'` and `(Did you mean y?)`), which errors.ts turns
 * into Dutch by the error code.
 */
function unknownCommand(command: Command, name: string): never {
  const names = command
    .createHelp()
    .visibleCommands(command)
    .map((sub) => sub.name());
  const suggestion = closestMatch(name, names);
  command.error(`error: unknown command '${name}'${suggestion ? `\n(Did you mean ${suggestion}?)` : ''}`, {
    code: 'commander.unknownCommand',
  });
}

const knowledgeOption = () =>
  new Option('--kennisbank <map>', 'gebruik een eigen kopie van de kennisbank in plaats van de ingebouwde');

export function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = dutchCommand(new Command('integriteitsplan'), io)
    .description(
      'Maakt een integriteitsbeleidsplan, een integriteitsrapportage en een aanbiedingsbrief (DOCX en PDF) ' +
        'op basis van het Handelingsperspectief van de Integriteitsmonitor 2012 (BIOS).',
    )
    .usage('[opties] [opdracht]')
    .version(toolVersion, '-V, --version', 'toon het versienummer')
    .helpCommand('help [opdracht]', 'toon de hulp bij een opdracht')
    .addHelpText(
      'after',
      '\nVoorbeelden:\n' +
        '  integriteitsplan                  (zonder opdracht: de wizard, vragen in de terminal)\n' +
        '  integriteitsplan themas --type rijk\n' +
        '  integriteitsplan basisnormen --type provincie\n' +
        '  integriteitsplan controleer\n',
    );

  // Without a command, a person at a terminal gets the wizard; an unknown word stays an unknown command.
  program.allowExcessArguments().action(async (_options, command: Command) => {
    if (command.args.length > 0) unknownCommand(command, command.args[0]!);
    setExitCode(await (await commands.wizard()).runWizard({}, io));
  });

  subcommand(program, 'wizard', io)
    .description('beantwoord vragen in de terminal en maak de documenten; slaat ook de antwoorden op')
    .option(
      '--antwoorden <bestand>',
      'vul elke vraag vooraf in met een eerder antwoordenbestand (bijv. van vorig jaar)',
    )
    .option('--uitvoer <map>', 'map voor de documenten en de antwoorden (die vraag valt dan weg)')
    .option('--formaten <lijst>', 'formaten, gescheiden door komma’s: docx, pdf, md (die vraag valt dan weg)')
    .option('--document <lijst>', 'welke documenten: beleidsplan, rapportage, brief (die vraag valt dan weg)')
    .option('--sjablonen <map>', 'eigen sjablonen; wat daar ontbreekt komt uit de ingebouwde sjablonen')
    .addOption(knowledgeOption())
    .addHelpText(
      'after',
      '\nVoorbeeld:\n  integriteitsplan wizard --antwoorden output/gemeente-voorbeeld-antwoorden-2027-2030.yaml\n',
    )
    .action(async (options) => setExitCode(await (await commands.wizard()).runWizard(options, io)));

  subcommand(program, 'themas', io)
    .description("toon de thema's van het Handelingsperspectief, per hoofdstuk")
    .addOption(
      new Option('--type <type>', 'alleen hoofdstukken die gelden voor dit organisatietype').choices(
        organisationTypeIds,
      ),
    )
    .addOption(new Option('--hoofdstuk <hoofdstuk>', 'alleen dit hoofdstuk').choices(chapterIds))
    .option('--json', 'druk een JSON-lijst af voor scripts: [{ "id", "hoofdstuk", "titel" }]')
    .addOption(knowledgeOption())
    .action(async (options) => setExitCode(await (await commands.themes()).runThemes(options, io)));

  subcommand(program, 'basisnormen', io)
    .description('toon de 13 basisnormen integriteit, met hun wettelijke grondslag per organisatietype')
    .addOption(
      new Option('--type <type>', 'alleen de wettelijke grondslag voor dit organisatietype').choices(
        organisationTypeIds,
      ),
    )
    .option(
      '--json',
      'druk een JSON-lijst af voor scripts: [{ "id", "titel", "samenvatting", "grondslag": [{ "doelgroep", "vindplaats", "typen" }], "themas" }]',
    )
    .addOption(knowledgeOption())
    .action(async (options) => setExitCode(await (await commands.basisnormen()).runBasisnormen(options, io)));

  subcommand(program, 'controleer', io)
    .description('controleer de hele kennisbank en meld alle problemen tegelijk')
    .addOption(knowledgeOption())
    .action(async (options) => setExitCode(await (await commands.check()).runCheck(options, io)));

  subcommand(program, 'genereer', io)
    .description(
      'maak documenten (DOCX, PDF, Markdown) uit een antwoordenbestand, of uit elk antwoordenbestand in een map',
    )
    // Checked by the command rather than by commander, which would report a mistyped option
    // (--antwoorde) only as a missing --antwoorden.
    .option(
      '--antwoorden <bestand of map>',
      'het antwoordenbestand (YAML of JSON), of een map met antwoordenbestanden: dan per bestand een eigen map in --uitvoer; verplicht',
    )
    .option('--uitvoer <map>', 'map voor de documenten', 'output')
    .option('--formaten <lijst>', 'formaten, gescheiden door komma’s: docx, pdf, md', 'docx,pdf')
    .option(
      '--document <lijst>',
      'welke documenten: beleidsplan, rapportage, brief; de brief biedt de andere gekozen documenten aan ' +
        '(alleen de brief: de rapportage als er een verslagjaar of --meldingen is, anders het plan)',
      'beleidsplan',
    )
    .option(
      '--jaar <jaar>',
      'verslagjaar van de rapportage (vervangt "verslagjaar" uit de antwoorden; anders het jaar vóór de datum)',
    )
    .option(
      '--meldingen <bestand>',
      'CSV-export van het meldingenregister, voor de aantallen in de rapportage (zie de README)',
    )
    .option(
      '--sla-fouten-over',
      'sla rijen met fouten in het meldingenregister over in plaats van te stoppen; de rapportage noemt hoeveel',
    )
    .option(
      '--privacy-drempel <n>',
      'toon aantallen kleiner dan n (maar niet nul) als "< n", zo dat ze niet terug te rekenen zijn (AVG); 0 zet dit uit (standaard: 5)',
    )
    .option('--sjablonen <map>', 'eigen sjablonen; wat daar ontbreekt komt uit de ingebouwde sjablonen')
    .option('--pdfa', 'maak de PDF’s ook als PDF/A-2a, voor het archief (zoals "pdfa: true" in de antwoorden)')
    .option('--forceer', 'overschrijf bestaande bestanden')
    .option(
      '--parallel <n>',
      'bij een map: het aantal werkprocessen dat tegelijk documenten maakt',
      String(availableParallelism()),
    )
    .addOption(knowledgeOption())
    .addHelpText(
      'after',
      '\nVoorbeelden:\n' +
        '  integriteitsplan genereer --antwoorden examples/gemeente.yaml --uitvoer output\n' +
        '  integriteitsplan genereer --antwoorden examples/gemeente-rapportage-2027.yaml --document rapportage,brief \\\n' +
        '    --meldingen examples/meldingen-2027.csv\n' +
        '  integriteitsplan genereer --antwoorden leden/ --uitvoer plannen   (een map per antwoordenbestand)\n',
    )
    .action(async (options) => setExitCode(await (await commands.generate()).runGenerate(options, io)));

  return program;
}
