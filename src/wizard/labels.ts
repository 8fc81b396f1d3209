import { getChapter, type KnowledgeBase } from '../knowledge/model.js';
import type { Chapter, ChapterId, Theme } from '../knowledge/schema.js';
import { joinList } from '../text/list.js';

/* How the wizard's questions and summary name lists, chapters and themes. */

/** "a, b en c" */
export function listed(items: readonly string[]): string {
  return joinList(items, ', ', ' en ');
}

/** "2, 3, 4, 5 en 6": the monitor's chapter numbers; h56 is one chapter of the source, numbered "5 en 6". */
export function chapterNumbers(kb: KnowledgeBase, ids: readonly ChapterId[]): string {
  return listed(ids.flatMap((id) => getChapter(kb, id).monitorhoofdstuk.split(' en ')));
}

/** "Hoofdstuk 2: Integriteitsbeleving ambtelijke organisatie" */
export function chapterHeading(chapter: Chapter): string {
  return `Hoofdstuk ${chapter.monitorhoofdstuk}: ${chapter.titel}`;
}

/** "hoofdstuk 2": after a theme's title, since themes of different chapters may share one. */
export function themeChapter(kb: KnowledgeBase, theme: Theme): string {
  return `hoofdstuk ${getChapter(kb, theme.hoofdstuk).monitorhoofdstuk}`;
}
