/**
 * The ids of the chapters and organisation types, without zod: the command line offers them as choices
 * (`themas --type`, `--hoofdstuk`) without loading the schemas.
 */
export const chapterIds = ['h2', 'h3', 'h4', 'h56'] as const;
export type ChapterId = (typeof chapterIds)[number];

export const organisationTypeIds = ['gemeente', 'provincie', 'waterschap', 'rijk'] as const;
export type OrganisationTypeId = (typeof organisationTypeIds)[number];
