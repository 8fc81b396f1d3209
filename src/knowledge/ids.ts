/*
 * The fixed ids of the knowledge base and the answers file, without zod: the command line offers them as choices
 * (`themas --type`, `--hoofdstuk`) and the plan and the answers' schema use them without building the knowledge
 * base's schemas (schema.ts), which a knowledge base from the cache does not need.
 */

export const chapterIds = ['h2', 'h3', 'h4', 'h56'] as const;
export type ChapterId = (typeof chapterIds)[number];

export const organisationTypeIds = ['gemeente', 'provincie', 'waterschap', 'rijk'] as const;
export type OrganisationTypeId = (typeof organisationTypeIds)[number];

/**
 * How a measure is planned: in one quarter, from a quarter on, at a fixed quarter each year, or
 * tied to the elections (or the installation of the new bestuur) of the election calendar.
 */
export const measureKindIds = ['eenmalig', 'doorlopend', 'jaarlijks', 'na-verkiezingen', 'na-installatie'] as const;
export type MeasureKind = (typeof measureKindIds)[number];
/** The kinds whose quarter the election calendar decides. */
export const electionKinds: readonly MeasureKind[] = ['na-verkiezingen', 'na-installatie'];

/** Where a basisnorm stands in the organisation: `basisnormen` in the answers file; labels in basisnormen.yaml. */
export const normStandIds = ['aanwezig', 'deels', 'ontbreekt', 'onbekend'] as const;
export type NormStand = (typeof normStandIds)[number];
/** The stands for which a norm's measures are in the plan, unless a measure says otherwise (`bij_stand`). */
export const standsNeedingMeasures: readonly NormStand[] = ['deels', 'ontbreekt', 'onbekend'];

/** The stand of a measure of the action plan: `maatregel_status` in the answers file, with labels here. */
export const measureStatusIds = ['uitgevoerd', 'loopt', 'niet-gestart', 'vervallen'] as const;
