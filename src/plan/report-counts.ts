import type { Figures } from '../answers/schema.js';
import { typologyOf, type KnowledgeBase } from '../knowledge/model.js';
import type { OrganisationTypeId } from '../knowledge/schema.js';
import type { RegisterCounts } from '../register/counts.js';
import { registerTables, type CountCell, type RegisterTables } from '../register/tables.js';
import { registerBegins, registerCoversYear, trendYears } from './rules.js';

/*
 * The counts of the rapportage's chapters 3 to 5 as the templates read them: the register's tables
 * over the trend's years, the typology they count in, and the answers' own figures of the year (in
 * the same small-number audit where they count people or cases).
 */

/** What the report needs of a counted meldingen register. */
export interface RegisterInput {
  /** Per year of the trend (rules.ts, trendYears), oldest first. */
  perYear: readonly { jaar: number; counts: RegisterCounts }[];
  /** The year of the register's earliest melding; undefined when it has none. */
  earliestYear?: number | undefined;
  /** Rows with errors that were skipped (`--sla-fouten-over`): the report says how many. */
  skippedRows: number;
}

export interface CountsOptions {
  verslagjaar: number;
  organisationType: OrganisationTypeId;
  register?: RegisterInput | undefined;
  /** `rapportage.register_sinds` of the answers. */
  registerSince?: number | undefined;
  /** The answers' figures, when they are for the verslagjaar. */
  figures?: Figures | undefined;
  threshold: number;
  withPolitiek: boolean;
}

/** An activity of the prevention chapter: how often, and how many took part. */
export interface ActivityFigures {
  aantal: CountCell;
  deelnemers: CountCell;
  toelichting?: string;
}

export interface FigureCells {
  /** Some figure of the prevention chapter (people who took part, the vertrouwenspersoon's talks) is small or hidden… */
  onderdruktInPreventie: boolean;
  /** …and some is hidden. */
  verborgenInPreventie: boolean;
  adviesvragen: CountCell;
  onderzoeken: { intern: CountCell; extern: CountCell };
  vertrouwenspersoon: { gesprekken: CountCell; meldingen: CountCell; voorlichtingen: CountCell };
  preventie: Record<(typeof activities)[number], ActivityFigures>;
}

export interface ReportCounts {
  tabellen: RegisterTables;
  /** The trend: the year the register begins, when the trend has years before it ("niet beschikbaar"). */
  trend: { registerBegint?: number; nietBeschikbaar: { jaar: number }[] };
  /** The trend's total per year, for the sentences instead of tables. */
  totaalPerJaar: { jaar: number; cel: CountCell }[];
  /** The verslagjaar's categories with meldingen (or whose count is suppressed), for the sentences instead of tables. */
  soortenMetMeldingen: { label: string; cel: CountCell }[];
  /** Every category of the verslagjaar has meldingen: the sentences need not name the others. */
  alleSoorten: boolean;
  /** The measures with a count other than 0, for the sentences. */
  maatregelenGegeven: { label: string; cel: CountCell }[];
  typologie: { naam: string; bron: string; categorieen: { id: string; label: string; omschrijving: string }[] };
  cijfers: FigureCells;
}

const activities = ['trainingen', 'ambtseden', 'introductie', 'dilemmasessies'] as const;

/**
 * The answers' figures that count people or cases take part in the small-number rule: advice
 * requests, investigations, the vertrouwenspersoon's talks, and the people who took part in an
 * activity. How often an activity took place counts no people and is shown as it is.
 */
function protectedFigures(figures: Figures | undefined): Record<string, number> {
  const values: Record<string, number | undefined> = {
    adviesvragen: figures?.adviesvragen,
    'onderzoeken.intern': figures?.onderzoeken?.intern,
    'onderzoeken.extern': figures?.onderzoeken?.extern,
    'vertrouwenspersoon.gesprekken': figures?.vertrouwenspersoon?.gesprekken,
    'vertrouwenspersoon.meldingen': figures?.vertrouwenspersoon?.meldingen,
    ...Object.fromEntries(activities.map((a) => [`${a}.deelnemers`, figures?.[a]?.deelnemers])),
  };
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, number] => entry[1] !== undefined),
  );
}
/** Which protected figure is part of which: the talks that led to a melding are some of all talks. */
const figureSubsets = [['vertrouwenspersoon.gesprekken', 'vertrouwenspersoon.meldingen']] as const;

/** Pure: the register's counts and the answers' figures → the counts the report's templates print. */
export function buildReportCounts(kb: KnowledgeBase, options: CountsOptions): ReportCounts {
  const typology = typologyOf(kb, options.organisationType);
  const years = trendYears(options.verslagjaar);
  const begins = options.register
    ? registerBegins({ earliestYear: options.register.earliestYear, since: options.registerSince })
    : undefined;
  const covered = (year: number) => registerCoversYear(year, options.verslagjaar, begins);
  const register = options.register
    ? years.map((year) =>
        covered(year) ? options.register!.perYear.find((entry) => entry.jaar === year)?.counts : undefined,
      )
    : undefined;
  const tables = registerTables({
    years,
    categories: typology.categorieen,
    measures: kb.typology.maatregelen.filter((m) => m.id !== 'geen'),
    ...(register ? { register } : {}),
    figures: { values: protectedFigures(options.figures), subsets: figureSubsets },
    threshold: options.threshold,
    withPolitiek: options.withPolitiek,
  });

  const isZero = (cell: CountCell) => cell.soort === 'aantal' && cell.waarde === 0;
  const received = tables.categorieen.map((row) => ({ label: row.label, cel: row.cellen[0]! }));
  const notAvailable = options.register ? years.filter((year) => !covered(year)) : [];
  return {
    tabellen: tables,
    trend: {
      ...(notAvailable.length > 0 && begins !== undefined ? { registerBegint: begins } : {}),
      nietBeschikbaar: notAvailable.map((jaar) => ({ jaar })),
    },
    totaalPerJaar: years.map((jaar, y) => ({ jaar, cel: tables.trendTotaal[y]! })),
    soortenMetMeldingen: received.filter(({ cel }) => !isZero(cel)),
    alleSoorten: received.every(({ cel }) => !isZero(cel)),
    maatregelenGegeven: tables.maatregelen
      .filter((m) => !isZero(m.aantal))
      .map((m) => ({ label: m.label, cel: m.aantal })),
    typologie: {
      naam: typology.naam,
      bron: typology.bron,
      categorieen: typology.categorieen.map(({ id, label, omschrijving }) => ({ id, label, omschrijving })),
    },
    cijfers: figureCells(options.figures, tables.cijfers),
  };
}

/** Every figure of the report's tables: audited where it counts people or cases, else as given, else to fill in. */
function figureCells(figures: Figures | undefined, audited: Record<string, CountCell>): FigureCells {
  const fillIn: CountCell = { soort: 'invullen' };
  const shown = (value: number | undefined): CountCell =>
    value === undefined ? fillIn : { soort: 'aantal', waarde: value };
  const cell = (key: string) => audited[key] ?? fillIn;
  const inPrevention = Object.entries(audited)
    .filter(([key]) => !key.startsWith('onderzoeken.') && key !== 'adviesvragen')
    .map(([, value]) => value.soort);
  return {
    onderdruktInPreventie: inPrevention.includes('klein') || inPrevention.includes('verborgen'),
    verborgenInPreventie: inPrevention.includes('verborgen'),
    adviesvragen: cell('adviesvragen'),
    onderzoeken: { intern: cell('onderzoeken.intern'), extern: cell('onderzoeken.extern') },
    vertrouwenspersoon: {
      gesprekken: cell('vertrouwenspersoon.gesprekken'),
      meldingen: cell('vertrouwenspersoon.meldingen'),
      voorlichtingen: shown(figures?.vertrouwenspersoon?.voorlichtingen),
    },
    preventie: Object.fromEntries(
      activities.map((activity) => {
        const given = figures?.[activity];
        return [
          activity,
          {
            aantal: shown(given?.aantal),
            deelnemers: cell(`${activity}.deelnemers`),
            ...(given?.toelichting ? { toelichting: given.toelichting } : {}),
          },
        ];
      }),
    ) as FigureCells['preventie'],
  };
}
