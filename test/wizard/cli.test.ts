import { runInProcess } from '../support/cli.js';

test.each([[['wizard']], [[]], [['wizard', '--antwoorden', 'vorig-jaar.yaml']]])(
  'without a terminal, `integriteitsplan %j` explains in Dutch and shows the genereer command (exit 1)',
  async (args) => {
    const result = await runInProcess(args);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('heeft daarom een terminal nodig');
    const answers = args.includes('--antwoorden') ? 'vorig-jaar.yaml' : 'antwoorden.yaml';
    expect(result.stderr).toContain(`npx integriteitsplan genereer --antwoorden ${answers} --uitvoer output`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  },
);

test('an unknown word is still an unknown command, now that no command means the wizard', async () => {
  const result = await runInProcess(['genereeer']);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('Onbekende opdracht genereeer. Bedoelde u genereer?');
});

test('`wizard --help` lists its options in Dutch', async () => {
  const result = await runInProcess(['wizard', '--help']);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('--antwoorden <bestand>');
  expect(result.stdout).toContain('vul elke vraag vooraf in');
  expect(result.stdout).toContain('--uitvoer <map>');
});

test('the overview names the wizard first and says that no command starts it', async () => {
  const result = await runInProcess(['--help']);
  expect(result.stdout).toMatch(/Opdrachten:\n\s+wizard/);
  expect(result.stdout).toContain('zonder opdracht: de wizard');
});
