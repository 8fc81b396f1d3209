/**
 * `npm run bench`: speed and memory of the all-themes gemeente plan (4 chapters, 28 weak themes),
 * DOCX and PDF, and of reading a meldingen register of 200,000 rows. Prints medians; machines here
 * are shared and noisy, so compare medians and ratios.
 * Targets (2-core machine): cold CLI ≤ 0.7 s, warm ≤ 150 ms per plan, peak memory ≤ 250 MB; the
 * large register within a cold rapportage run ≤ 2.5 s and ≤ 250 MB (before issue 13: 3.5 s and 470 MB).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseAnswers } from '../src/answers/load.js';
import { generateDocuments, renderDocument, writeFormat } from '../src/generate.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { builtInKnowledgeDir, packageRoot } from '../src/paths.js';
import { textLimits } from '../src/answers/schema.js';
import { buildPlanModel } from '../src/plan/model.js';
import { countRegister } from '../src/register/index.js';

const answersFile = join(packageRoot, 'bench', 'alle-themas.yaml');
const cli = join(packageRoot, 'dist', 'src', 'cli', 'main.js');
const reportAnswersFile = join(packageRoot, 'examples', 'gemeente-rapportage-2027.yaml');
const coldRuns = Number(process.env.BENCH_COLD_RUNS ?? 7);
const registerRuns = Number(process.env.BENCH_REGISTER_RUNS ?? 3);
const registerRows = 200_000;
const warmRuns = Number(process.env.BENCH_WARM_RUNS ?? 15);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

async function knowledgeLoad(): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < warmRuns + 3; i++) {
    const [elapsed, result] = await time(() => loadKnowledge(builtInKnowledgeDir));
    if (!result.ok) throw new Error('knowledge base invalid');
    if (i >= 3) times.push(elapsed);
  }
  console.log(`Kennisbank laden en valideren (warm):  mediaan ${ms(median(times))}   (doel < 50 ms)`);
}

async function warm(): Promise<void> {
  const result = await loadKnowledge(builtInKnowledgeDir);
  if (!result.ok) throw new Error('knowledge base invalid');
  const kb = result.knowledge;
  const answers = parseAnswers(readFileSync(answersFile, 'utf8'), 'bench/alle-themas.yaml', kb);
  const stages = {
    model: [] as number[],
    markdown: [] as number[],
    docx: [] as number[],
    pdf: [] as number[],
    total: [] as number[],
  };
  let pages = 0;
  let pdfBytes = 0;
  for (let i = 0; i < warmRuns + 3; i++) {
    const [total] = await time(async () => {
      const [tModel, model] = await time(async () =>
        buildPlanModel(answers, kb, { toolVersion: 'bench', defaultDate: '2027-01-15' }),
      );
      const [tMd, doc] = await time(() => renderDocument('beleidsplan', { ...model, bestanden: {} }));
      const [tDocx] = await time(() => writeFormat(doc, 'docx'));
      const [tPdf, pdf] = await time(() => writeFormat(doc, 'pdf'));
      pdfBytes = pdf.byteLength;
      pages = (
        Buffer.from(pdf)
          .toString('latin1')
          .match(/\/Type \/Page\b/g) ?? []
      ).length;
      if (i >= 3) {
        stages.model.push(tModel);
        stages.markdown.push(tMd);
        stages.docx.push(tDocx);
        stages.pdf.push(tPdf);
      }
    });
    if (i >= 3) stages.total.push(total);
  }
  const [viaGenerate] = await time(() =>
    generateDocuments({
      answers,
      knowledge: kb,
      documents: ['beleidsplan'],
      formats: ['docx', 'pdf'],
      outputDir: tmpdir(),
      today: '2027-01-15',
    }),
  );
  console.log(`Warm, per plan (DOCX + PDF, ${pages} pagina's, ${warmRuns} runs):`);
  console.log(`  plan-model        ${ms(median(stages.model))}`);
  console.log(`  sjablonen + boom  ${ms(median(stages.markdown))}`);
  console.log(`  DOCX-schrijver    ${ms(median(stages.docx))}`);
  console.log(`  PDF-schrijver     ${ms(median(stages.pdf))}   (PDF/UA, ${(pdfBytes / 1024).toFixed(0)} kB)`);
  console.log(
    `  totaal            ${ms(median(stages.total))}   (doel ≤ 150 ms; generateDocuments éénmaal: ${ms(viaGenerate)})`,
  );
  console.log(`  piekgeheugen van dit proces: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

/** One cold CLI run with `args`: wall time and peak memory (MB). */
function coldRun(args: string[]): { time: number; rss: number } {
  const start = performance.now();
  const run = spawnSync(
    process.execPath,
    ['--require', join(packageRoot, 'bench', 'report-peak-memory.cjs'), cli, 'genereer', ...args],
    { encoding: 'utf8' },
  );
  const time = performance.now() - start;
  if (run.status !== 0) throw new Error(`CLI failed: ${run.stderr}`);
  return { time, rss: Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024 };
}

function cold(): void {
  const out = mkdtempSync(join(tmpdir(), 'bench-'));
  const times: number[] = [];
  const rss: number[] = [];
  try {
    for (let i = 0; i < coldRuns; i++) {
      const run = coldRun(['--antwoorden', answersFile, '--uitvoer', out, '--forceer']);
      times.push(run.time);
      rss.push(run.rss);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  console.log(`Koud, hele CLI-run (DOCX + PDF, ${coldRuns} runs): mediaan ${ms(median(times))}   (doel ≤ 700 ms)`);
  console.log(
    `  piekgeheugen: mediaan ${median(rss).toFixed(0)} MB, hoogste ${Math.max(...rss).toFixed(0)} MB   (doel ≤ 250 MB)`,
  );
}

/**
 * The largest inputs the answers schema accepts must stay fast: 30,000 unknown keys (linear since
 * the duplicate-key check is ours, not the yaml library's quadratic one) and a toelichting of the
 * maximum length for every theme (pdfmake lays out a paragraph in time quadratic in its words).
 */
async function hostileInputs(): Promise<void> {
  const result = await loadKnowledge(builtInKnowledgeDir);
  if (!result.ok) throw new Error('knowledge base invalid');
  const kb = result.knowledge;
  const base = readFileSync(answersFile, 'utf8');
  const keys = Array.from({ length: 30000 }, (_, i) => `onbekend${i}: ${i}`).join('\n');
  const [tKeys] = await time(async () => {
    try {
      parseAnswers(`${base}\n${keys}\n`, 'sleutels.yaml', kb);
    } catch {
      // Refused, as it should be: the time is what counts here.
    }
  });
  const longest = 'Een zin van tien woorden over integriteit in de organisatie. '
    .repeat(80)
    .slice(0, textLimits.toelichting);
  const full = parseAnswers(base, 'alle-themas.yaml', kb);
  const answers = { ...full, toelichting: Object.fromEntries(full.zwakke_themas.map((id) => [id, longest])) };
  const [tPdf] = await time(() =>
    generateDocuments({
      answers,
      knowledge: kb,
      documents: ['beleidsplan'],
      formats: ['pdf'],
      outputDir: tmpdir(),
      today: '2027-01-15',
    }),
  );
  console.log(`Grootste toegestane invoer:`);
  console.log(`  30.000 onbekende sleutels weigeren   ${ms(tKeys)}   (was kwadratisch: 44 s op main)`);
  console.log(`  PDF, 28 thema's met elk ${textLimits.toelichting} tekens toelichting   ${ms(tPdf)}`);
}

/**
 * A register export as Excel writes it: `;`, a BOM, CRLF, a free-text column with quotes, separators
 * and line breaks, every category and outcome, and some rows of other years.
 */
function largeRegister(rows: number): string {
  const categories = [
    'corruptie',
    'fraude-diefstal-verduistering',
    'misbruik-bevoegdheden',
    'ongewenste-omgangsvormen',
    'overig',
  ];
  const lines = ['\uFEFFKenmerk;Datum;Categorie;Betreft;Status;Oordeel;Maatregel;Omschrijving'];
  for (let i = 0; i < rows; i++) {
    const date = `${String(1 + (i % 28)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${i % 20 === 0 ? 2026 : 2027}`;
    const row = [
      `MLD-${i}`,
      date,
      categories[i % categories.length],
      i % 10 === 0 ? 'politiek-ambtsdrager' : 'ambtenaar',
      i % 7 === 0 ? 'open' : 'afgerond',
      ['gegrond', 'ongegrond', 'onbekend'][i % 3],
      ['geen', 'waarschuwing', 'berisping', ''][i % 4],
      `"Melding ${i} over P. Jansen (team ${i % 40}; afdeling ""Burgerzaken"")\r\nVervolg: gesprek op ${date}"`,
    ];
    lines.push(row.join(';'));
  }
  return lines.join('\r\n') + '\r\n';
}

async function largeRegisterRun(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-register-'));
  try {
    const file = join(dir, 'meldingen.csv');
    writeFileSync(file, largeRegister(registerRows));
    const bytes = readFileSync(file);
    const result = await loadKnowledge(builtInKnowledgeDir);
    if (!result.ok) throw new Error('knowledge base invalid');
    const counting: number[] = [];
    for (let i = 0; i < registerRuns; i++) {
      const scope = { years: [2025, 2026, 2027], organisationType: 'gemeente' } as const;
      const [elapsed, counted] = await time(async () => countRegister(bytes, file, result.knowledge, scope));
      const inScope = counted.perYear.reduce((sum, year) => sum + year.counted, 0);
      if (inScope + counted.outsideYears !== registerRows) throw new Error('register miscounted');
      counting.push(elapsed);
    }
    const args = ['--antwoorden', reportAnswersFile, '--document', 'rapportage', '--formaten', 'md'];
    const runs = Array.from({ length: registerRuns }, () =>
      coldRun([...args, '--meldingen', file, '--uitvoer', join(dir, 'uit'), '--forceer']),
    );
    const mb = (bytes.length / 1024 / 1024).toFixed(0);
    console.log(
      `Meldingenregister van ${registerRows.toLocaleString('nl-NL')} rijen (${mb} MB, ${registerRuns} runs):`,
    );
    console.log(`  inlezen en tellen (warm)      mediaan ${ms(median(counting))}`);
    console.log(
      `  koud, rapportage (Markdown)   mediaan ${ms(median(runs.map((r) => r.time)))}   (doel ≤ 2500 ms; vóór issue 13: 3500 ms)`,
    );
    console.log(
      `  piekgeheugen                  mediaan ${median(runs.map((r) => r.rss)).toFixed(0)} MB   (doel ≤ 250 MB; vóór issue 13: 470 MB)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`integriteitsplan benchmark — Node ${process.version}, ${new Date().toISOString()}`);
await knowledgeLoad();
await warm();
cold();
await largeRegisterRun();
await hostileInputs();
