import { runInProcess } from '../support/cli.js';

test('themas --json lists all 28 themes as { id, hoofdstuk, titel }', async () => {
  const result = await runInProcess(['themas', '--json']);
  expect(result.code).toBe(0);
  const rows = JSON.parse(result.stdout);
  expect(rows).toHaveLength(28);
  expect(rows[0]).toEqual({ id: 'h2-gedragsregels', hoofdstuk: 'h2', titel: 'Gedragsregels' });
  expect(Object.keys(rows[27]).sort()).toEqual(['hoofdstuk', 'id', 'titel']);
});

test('themas --type rijk leaves out the chapters about bestuur and volksvertegenwoordiging', async () => {
  const rows: { hoofdstuk: string }[] = JSON.parse((await runInProcess(['themas', '--type', 'rijk', '--json'])).stdout);
  expect(new Set(rows.map((r) => r.hoofdstuk))).toEqual(new Set(['h2', 'h4']));
  expect(rows).toHaveLength(17);
});

test('themas --hoofdstuk h3 shows only that chapter, grouped under its title', async () => {
  const result = await runInProcess(['themas', '--hoofdstuk', 'h3']);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^h3 — Integriteitsbeleving bestuurlijke/);
  expect(result.stdout).toContain('h3-integere-werkhouding');
  expect(result.stdout).not.toContain('h2-');
});

test('themas --type rijk --hoofdstuk h56 says that the chapter does not apply', async () => {
  const result = await runInProcess(['themas', '--type', 'rijk', '--hoofdstuk', 'h56']);
  expect(result.stdout).toContain('geldt niet');
});

test('an unknown type is refused in Dutch with the valid choices', async () => {
  const result = await runInProcess(['themas', '--type', 'gemeenten']);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('Kies uit: gemeente, provincie, waterschap, rijk');
  expect(result.stderr).not.toMatch(/\n\s+at /);
});
