import { formats, type Format } from '../../vocabulary.js';
import { listed } from '../labels.js';
import type { Section } from './section.js';

const formatNames: Record<Format, { name: string; description: string }> = {
  docx: { name: 'Word (DOCX)', description: 'om verder te bewerken in Word of LibreOffice' },
  pdf: { name: 'PDF', description: 'om te versturen, af te drukken of te publiceren' },
  md: { name: 'Markdown (MD)', description: 'platte tekst, voor wie de tekst zelf verder verwerkt' },
};

export const output: Section = {
  id: 'uitvoer',
  title: 'Uitvoer',
  help: 'De documenten en uw antwoorden (als YAML-bestand) komen samen in één map.',
  skipped: ({ fixed }, mode) => mode === 'first' && fixed.formats !== undefined && fixed.outputDir !== undefined,
  async ask({ prompter, rules, fixed }, draft, mode) {
    let next = draft;
    if (mode === 'change' || !fixed.formats) {
      const chosen = await prompter.checkbox({
        message: 'In welke formaten?',
        choices: formats.map((format) => ({
          value: format,
          ...formatNames[format],
          checked: draft.formats.includes(format),
        })),
        validate: rules.atLeastOne('formaat'),
      });
      next = { ...next, formats: formats.filter((format) => chosen.includes(format)) };
    }
    if (mode === 'change' || fixed.outputDir === undefined) {
      const folder = await prompter.input({
        message: 'In welke map?',
        default: draft.outputDir,
        validate: rules.folder,
      });
      next = { ...next, outputDir: folder.trim() };
    }
    return next;
  },
  summary: (_context, draft) => [
    ['Uitvoer', `${listed(draft.formats.map((format) => formatNames[format].name))}, in map ${draft.outputDir}`],
  ],
};
