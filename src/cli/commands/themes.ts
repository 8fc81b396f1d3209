import type { ChapterId, OrganisationTypeId } from '../../knowledge/schema.js';
import { getOrganisationType, themesOfChapter } from '../../knowledge/model.js';
import { loadKnowledgeForCli } from '../knowledge.js';
import type { CliIo } from '../io.js';

interface ThemesOptions {
  type?: OrganisationTypeId;
  hoofdstuk?: ChapterId;
  json?: boolean;
  kennisbank?: string;
}

export async function runThemes(options: ThemesOptions, io: CliIo): Promise<number> {
  const kb = await loadKnowledgeForCli(io.cwd, options.kennisbank);
  const allowed = options.type ? getOrganisationType(kb, options.type).hoofdstukken : kb.chapters.map((c) => c.id);
  const chapters = kb.chapters.filter(
    (chapter) => allowed.includes(chapter.id) && (!options.hoofdstuk || chapter.id === options.hoofdstuk),
  );
  const listed = chapters.map((chapter) => ({ chapter, themes: themesOfChapter(kb, chapter.id) }));

  if (options.json) {
    const rows = listed.flatMap(({ themes }) =>
      themes.map((t) => ({ id: t.id, hoofdstuk: t.hoofdstuk, titel: t.titel })),
    );
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  if (listed.length === 0) {
    io.stdout(`Hoofdstuk ${options.hoofdstuk} geldt niet voor het type ${options.type}.\n`);
    return 0;
  }
  const width = Math.max(...listed.flatMap(({ themes }) => themes.map((t) => t.id.length)));
  for (const { chapter, themes } of listed) {
    io.stdout(`${chapter.id} — ${chapter.titel} (monitorhoofdstuk ${chapter.monitorhoofdstuk})\n`);
    for (const theme of themes) io.stdout(`  ${theme.id.padEnd(width)}  ${theme.titel}\n`);
    io.stdout('\n');
  }
  return 0;
}
