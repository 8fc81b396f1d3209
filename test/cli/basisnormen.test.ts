import { runInProcess } from '../support/cli.js';

interface Row {
  id: string;
  titel: string;
  samenvatting: string;
  grondslag: { doelgroep: string; vindplaats: string; typen: string[] }[];
  themas: string[];
}

test('basisnormen --json lists the 13 norms with their legal basis and the types it holds for', async () => {
  const result = await runInProcess(['basisnormen', '--json']);
  expect(result.code).toBe(0);
  const rows: Row[] = JSON.parse(result.stdout);
  expect(rows.map((r) => r.id)).toEqual([
    'aandacht-voor-integriteit',
    'gedragscodes',
    'screening',
    'kwetsbare-functies',
    'eed-of-belofte',
    'nevenwerkzaamheden',
    'financiele-belangen',
    'informatiebescherming',
    'geschenken',
    'inkoop-en-aanbesteding',
    'vertrouwenspersonen',
    'melden-misstand',
    'onderzoek-schendingen',
  ]);
  const eed = rows.find((r) => r.id === 'eed-of-belofte')!;
  expect(eed.grondslag).toEqual([
    {
      doelgroep: 'ambtelijke organisatie',
      vindplaats: 'Ambtenarenwet 2017, artikel 5, eerste lid, onder a, en artikel 7',
      typen: ['gemeente', 'provincie', 'waterschap', 'rijk'],
    },
  ]);
  const codes = rows.find((r) => r.id === 'gedragscodes')!.grondslag;
  expect(codes.find((b) => b.vindplaats.startsWith('Gemeentewet'))!.typen).toEqual(['gemeente']);
  expect(codes.find((b) => b.vindplaats.startsWith('Gedragscode Integriteit Rijk'))!.typen).toEqual(['rijk']);
});

test('basisnormen --type rijk: the Ambtenarenwet and the Gedragscode Integriteit Rijk, no Gemeentewet', async () => {
  const result = await runInProcess(['basisnormen', '--type', 'rijk']);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain(
    'eed-of-belofte — Eed of belofte\n  Wie in dienst komt, legt de eed of belofte af.\n',
  );
  expect(result.stdout).toContain('Wettelijke grondslag: Gedragscode Integriteit Rijk (versie december 2019)\n');
  expect(result.stdout).toContain('informatiebescherming — Informatiebescherming');
  expect(result.stdout).toContain('Wettelijke grondslag: geen; de norm berust op de Modelaanpak.');
  expect(result.stdout).not.toMatch(/Gemeentewet|Provinciewet|Waterschapswet|wethouders/);
});

test('without --type each provision of one type names it', async () => {
  const result = await runInProcess(['basisnormen']);
  expect(result.stdout).toContain('Wettelijke grondslag: Provinciewet, artikelen 11, 40b en 66 (provincie)\n');
  expect(result.stdout).toContain('Wettelijke grondslag: Ambtenarenwet 2017, artikel 4\n');
});

test('an unknown type is refused in Dutch with the valid choices', async () => {
  const result = await runInProcess(['basisnormen', '--type', 'gemeenten']);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('Kies uit: gemeente, provincie, waterschap, rijk');
});
