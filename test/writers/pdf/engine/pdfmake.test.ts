import { reliesOn } from './patches/relies-on.js';

/** What the writer's own pdfmake instance (engine/pdfmake.ts) relies on beyond pdfmake's documented API. */
test('pdfmake’s module is an instance whose constructor makes a fresh one, with an in-memory file system', async () => {
  const { default: pdfmake } = await import('pdfmake');
  const created = new (pdfmake.constructor as new () => typeof pdfmake)();
  reliesOn(
    'pdfmake.constructor, making a new instance',
    created !== pdfmake && typeof created.createPdf === 'function',
  );
  const vfs = (created as unknown as { virtualfs?: { writeFileSync?: unknown; existsSync?: unknown } }).virtualfs;
  reliesOn('pdfmake.virtualfs.writeFileSync', typeof vfs?.writeFileSync === 'function');
  reliesOn('pdfmake.virtualfs.existsSync', typeof vfs?.existsSync === 'function');
});
