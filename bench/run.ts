/**
 * `npm run bench`: speed and memory, with the targets of issue 14 beside the figures. Machines here are shared and
 * noisy: every comparison is made in one run, the variants interleaved round by round, and reported as medians and
 * ratios; an absolute figure holds only for the load it was measured under (printed at the start and the end).
 *
 * - Cold CLI: a new process per run, as a user starts it (the cache filled by an earlier run): --help, Markdown,
 *   DOCX, PDF, DOCX + PDF of the all-themes gemeente plan; DOCX + PDF with an empty cache (a first run); and the
 *   route a technical user would take on the same Markdown, pandoc to DOCX then LibreOffice to PDF.
 * - Warm: per plan in one process, by stage.
 * - A batch of generated answers files with `genereer --antwoorden MAP` (BENCH_BATCH, default 100) against the
 *   same files made one by one (estimated from BENCH_BATCH_SAMPLE separate cold runs).
 * - The knowledge base (parsed and from the cache) and a meldingen register of 200,000 rows.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { deflateSync, inflateSync } from 'node:zlib';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';
import { parseAnswers } from '../src/answers/load.js';
import { cacheDirVariable, folderCache } from '../src/cache/store.js';
import { generateDocuments, renderDocument, writeFormat } from '../src/generate.js';
import { loadKnowledgeCached } from '../src/knowledge/cached.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { KnowledgeBase } from '../src/knowledge/model.js';
import { builtInKnowledgeDir, packageRoot } from '../src/paths.js';
import { textLimits } from '../src/answers/schema.js';
import { buildPlanModel } from '../src/plan/model.js';
import { countRegister } from '../src/register/index.js';
import { pdfLibraries } from '../src/writers/pdf/engine/libraries.js';
import { rememberMeasuredTexts } from '../src/writers/pdf/engine/patches/measured-texts.js';

const answersFile = join(packageRoot, 'bench', 'alle-themas.yaml');
/** The program as it ships (package.json's bin). */
const cli = join(packageRoot, 'dist', 'bundle', 'main.js');
const peakMemory = join(packageRoot, 'bench', 'report-peak-memory.cjs');
const reportAnswersFile = join(packageRoot, 'examples', 'gemeente-rapportage-2027.yaml');
const coldRounds = Number(process.env.BENCH_COLD_RUNS ?? 7);
const warmRuns = Number(process.env.BENCH_WARM_RUNS ?? 15);
const batchSize = Number(process.env.BENCH_BATCH ?? 100);
const batchSample = Number(process.env.BENCH_BATCH_SAMPLE ?? 10);
const registerRuns = Number(process.env.BENCH_REGISTER_RUNS ?? 3);
const registerRows = 200_000;

/*
 * Some machines (this sandbox among them) set NODE_EXTRA_CA_CERTS, and Node then reads that certificate bundle at
 * every start, before any of the program's code: about 90 ms here. The program makes no network connections and a
 * user's machine rarely has it, so the program's processes run without it; the bench shows what it would cost.
 */
const extraCaCerts = process.env.NODE_EXTRA_CA_CERTS;
delete process.env.NODE_EXTRA_CA_CERTS;

const work = mkdtempSync(join(tmpdir(), 'integriteitsplan-bench-'));
/** The benchmark's own cache, so no earlier run on this machine decides what is warm. */
const cache = join(work, 'cache');
process.env[cacheDirVariable] = cache;

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (value: number) => `${value.toFixed(0)} ms`;
const mb = (value: number) => `${value.toFixed(0)} MB`;
const ratio = (value: number) => value.toFixed(2);
const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');
const column = (text: string, width: number) => text.padEnd(width);

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

interface Measured {
  time: number;
  /** Peak memory (MB) of each process that reported it: the program and each of its workers. */
  peaks: { role: string; mb: number }[];
}

/** One run of a command in a new process; the program's processes report their peak memory (report-peak-memory.cjs). */
function measure(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Measured {
  const start = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  const elapsed = performance.now() - start;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  const peaks = [...run.stderr.matchAll(/BENCH_MAX_RSS_KB=(\d+) ROLE=(\S+)/g)].map((m) => ({
    role: m[2]!,
    mb: Number(m[1]) / 1024,
  }));
  return { time: elapsed, peaks };
}

const node = (args: string[], env?: NodeJS.ProcessEnv) =>
  measure(process.execPath, ['--require', peakMemory, cli, ...args], env);

interface Variant {
  name: string;
  target?: string;
  run: (round: number) => Measured;
}

/** Runs every variant once per round, in an order that rotates, so that load changes fall on all of them alike. */
function interleaved(variants: readonly Variant[], rounds: number): Map<string, Measured[]> {
  const results = new Map(variants.map((variant) => [variant.name, [] as Measured[]]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < variants.length; i++) {
      const variant = variants[(i + round) % variants.length]!;
      results.get(variant.name)!.push(variant.run(round));
    }
  }
  return results;
}

function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function cold(): void {
  const out = join(work, 'koud');
  const genereer = (formats: string) => [
    'genereer',
    '--antwoorden',
    answersFile,
    '--uitvoer',
    out,
    '--forceer',
    '--formaten',
    formats,
  ];
  // Fill the cache once, as a user's first run does; keep the Markdown for the route of pandoc and LibreOffice.
  node(genereer('docx,pdf,md'));
  const markdown = join(work, 'route', 'plan.md');
  mkdirSync(join(work, 'route'), { recursive: true });
  writeFileSync(markdown, readFileSync(join(out, 'gemeente-benchmark-integriteitsbeleidsplan-2027-2030.md')));

  const variants: Variant[] = [
    { name: 'Node zelf (node -e 0)', run: () => measure(process.execPath, ['-e', '0']) },
    ...(extraCaCerts === undefined
      ? []
      : [
          {
            name: 'Node met CA-certificaten',
            run: () => measure(process.execPath, ['-e', '0'], { NODE_EXTRA_CA_CERTS: extraCaCerts }),
          },
        ]),
    { name: '--help', target: '≤ 100 ms', run: () => node(['--help']) },
    { name: 'Markdown', target: '≤ 250 ms', run: () => node(genereer('md')) },
    { name: 'DOCX', run: () => node(genereer('docx')) },
    { name: 'PDF', run: () => node(genereer('pdf')) },
    { name: 'DOCX + PDF', run: () => node(genereer('docx,pdf')) },
    {
      name: 'DOCX + PDF, lege cache',
      run: (round) => node(genereer('docx,pdf'), { [cacheDirVariable]: join(work, `lege-cache-${round}`) }),
    },
  ];
  const route = hasTool('pandoc') && hasTool('soffice');
  if (route) {
    // LibreOffice with a profile of its own (made once, before timing), so no other instance on the machine interferes.
    const profile = `file://${join(work, 'libreoffice-profiel')}`;
    const docx = join(work, 'route', 'plan.docx');
    const script =
      `pandoc ${markdown} -o ${docx} && ` +
      `soffice -env:UserInstallation=${profile} --headless --convert-to pdf --outdir ${join(work, 'route')} ${docx} >/dev/null`;
    measure('sh', ['-c', script]);
    variants.push({ name: 'pandoc + LibreOffice', run: () => measure('sh', ['-c', script]) });
  }
  // Each command once before timing, as a user has run it before: its compiled code is cached per command and set of
  // formats (src/cli/compiled.ts), so the first run of each would otherwise count as a first run.
  for (const args of [['--help'], genereer('md'), genereer('docx'), genereer('pdf'), genereer('docx,pdf')]) node(args);
  const results = interleaved(variants, coldRounds);
  const times = (name: string) => results.get(name)!.map((m) => m.time);
  console.log(
    `\nKoud: een nieuw proces per run, ${coldRounds} rondes door elkaar; mediaan (laagste–hoogste), piekgeheugen`,
  );
  if (extraCaCerts !== undefined) {
    console.log(
      '  (deze omgeving zet NODE_EXTRA_CA_CERTS; het programma draait zonder, zoals bij een gebruiker: ' +
        '"Node met CA-certificaten" toont wat die variabele elke start kost)',
    );
  }
  for (const variant of variants) {
    const runs = results.get(variant.name)!;
    const peak = median(runs.map((m) => Math.max(0, ...m.peaks.map((p) => p.mb))));
    const spread = `(${ms(Math.min(...times(variant.name)))}–${ms(Math.max(...times(variant.name)))})`;
    console.log(
      `  ${column(variant.name, 25)} ${column(ms(median(times(variant.name))), 8)} ${column(spread, 20)}` +
        `${peak > 0 ? column(mb(peak), 8) : column('', 8)}${variant.target ? `doel ${variant.target}` : ''}`,
    );
  }
  const peak = Math.max(...results.get('DOCX + PDF')!.flatMap((m) => m.peaks.map((p) => p.mb)));
  console.log(`  piekgeheugen DOCX + PDF: hoogste ${mb(peak)}   (doel ≤ 250 MB)`);
  if (route) {
    const ours = median(times('DOCX + PDF'));
    const theirs = median(times('pandoc + LibreOffice'));
    console.log(
      `  DOCX + PDF tegenover pandoc + LibreOffice: ${ratio(ours / theirs)}×   (doel ≤ 0.55×; ` +
        `lege cache: ${ratio(median(times('DOCX + PDF, lege cache')) / theirs)}×)`,
    );
  } else {
    console.log('  (pandoc of LibreOffice ontbreekt: de vergelijkingsroute is overgeslagen)');
  }
}

async function warm(kb: KnowledgeBase): Promise<void> {
  // As a batch worker does (src/cli/batch/worker.ts): a process that writes plan after plan.
  rememberMeasuredTexts();
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
  let lastPdf: Uint8Array = new Uint8Array();
  for (let i = 0; i < warmRuns + 3; i++) {
    const [total] = await time(async () => {
      const [tModel, model] = await time(async () =>
        buildPlanModel(answers, kb, { toolVersion: 'bench', defaultDate: '2027-01-15' }),
      );
      const [tMd, doc] = await time(async () => {
        const rendered = await renderDocument('beleidsplan', { ...model, bestanden: {} });
        await rendered.tree(); // built on demand; the stage below is templates and tree together
        return rendered;
      });
      const [tDocx] = await time(() => writeFormat(doc, 'docx'));
      const [tPdf, pdf] = await time(() => writeFormat(doc, 'pdf'));
      pdfBytes = pdf.byteLength;
      lastPdf = pdf;
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
  console.log(`\nWarm, per plan in één proces (DOCX + PDF, ${pages} pagina's, ${warmRuns} runs):`);
  console.log(`  plan-model        ${ms(median(stages.model))}`);
  console.log(`  sjablonen + boom  ${ms(median(stages.markdown))}`);
  console.log(`  DOCX-schrijver    ${ms(median(stages.docx))}`);
  console.log(`  PDF-schrijver     ${ms(median(stages.pdf))}   (PDF/UA, ${(pdfBytes / 1024).toFixed(0)} kB)`);
  console.log(
    `  totaal            ${ms(median(stages.total))}   (doel ≤ 250 ms; generateDocuments éénmaal: ${ms(viaGenerate)})`,
  );
  console.log(`  piekgeheugen van dit proces: ${mb(process.resourceUsage().maxRSS / 1024)}`);
  const floor = await pdfkitFloor(lastPdf);
  console.log(
    `  vloer van pdfkit: dezelfde ${floor.pages} paginastromen (${floor.operators} operatoren) via pdfkit alleen ` +
      `${ms(floor.time)}, waarvan comprimeren ${ms(floor.deflate)}`,
  );
}

/** The page contents of a PDF of ours: its compressed streams that draw (text, a transformation), inflated. */
function pageContents(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf).toString('latin1');
  const contents: string[] = [];
  for (const match of text.matchAll(/\/Length (\d+)\n\/Filter \/FlateDecode\n>>\nstream\n/g)) {
    const start = match.index + match[0].length;
    const inflated = inflateSync(Buffer.from(text.slice(start, start + Number(match[1])), 'latin1')).toString('latin1');
    if (/ (Tf|cm)\n/.test(inflated)) contents.push(inflated);
  }
  return contents;
}

interface KitDocument {
  addPage(options: object): void;
  addContent(operator: string): void;
  on(event: string, listener: () => void): void;
  end(): void;
}

/**
 * What pdfkit itself needs for a plan's pages, warm: the operators of the PDF's page contents written through pdfkit
 * alone (no pdfmake, no patches: a page each, every operator with addContent, compressed as pdfkit compresses them),
 * and of that, deflating those contents. What pdfmake's layout and our rendering add comes on top of it.
 */
async function pdfkitFloor(
  pdf: Uint8Array,
): Promise<{ time: number; deflate: number; pages: number; operators: number }> {
  const PDFDocument = pdfLibraries().pdfkit() as new (options: object) => KitDocument;
  const contents = pageContents(pdf);
  const operators = contents.map((content) => content.split('\n').slice(0, -1));
  const times: number[] = [];
  const deflates: number[] = [];
  for (let i = 0; i < warmRuns + 3; i++) {
    const [written] = await time(async () => {
      const kit = new PDFDocument({ autoFirstPage: false, compress: true, font: null });
      kit.on('data', () => undefined);
      for (const page of operators) {
        kit.addPage({ size: 'A4', margin: 0 });
        for (const operator of page) kit.addContent(operator);
      }
      await new Promise<void>((done) => {
        kit.on('end', done);
        kit.end();
      });
    });
    const [deflate] = await time(async () => {
      for (const content of contents) deflateSync(Buffer.from(content, 'latin1'));
    });
    if (i >= 3) {
      times.push(written);
      deflates.push(deflate);
    }
  }
  return { time: median(times), deflate: median(deflates), pages: contents.length, operators: operators.flat().length };
}

/** A small deterministic random generator (mulberry32), so every run benchmarks the same batch. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` answers files as organisations would write them: every type but the Rijk, own choices of weak themes. */
function batchFolder(kb: KnowledgeBase, count: number): string {
  const folder = join(work, `reeks-${count}`);
  mkdirSync(folder, { recursive: true });
  const next = random(14);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const types = kb.organisationTypes.filter((type) => type.id !== 'rijk');
  for (let i = 1; i <= count; i++) {
    const type = pick(types);
    const themes = kb.themes.filter((theme) => type.hoofdstukken.includes(theme.hoofdstuk));
    const weak = themes.filter(() => next() < 0.35).map((theme) => theme.id);
    const answers = {
      organisatie: {
        naam: `${type.label} Proef ${String(i).padStart(3, '0')}`,
        type: type.id,
      },
      zwakke_themas: weak.length > 0 ? weak : [themes[0]!.id],
      planperiode: { van: 2027, tot: 2027 + 1 + Math.floor(next() * 3) },
      datum: '2027-01-15',
    };
    writeFileSync(join(folder, `organisatie-${String(i).padStart(3, '0')}.yaml`), stringify(answers));
  }
  return folder;
}

function batch(kb: KnowledgeBase, count: number, target: string): void {
  const folder = batchFolder(kb, count);
  const out = join(work, `reeks-uit-${count}`);
  const run = node(['genereer', '--antwoorden', folder, '--uitvoer', out, '--parallel', '2']);
  const workers = run.peaks.filter((p) => p.role === 'worker.js').map((p) => p.mb);
  const parent = run.peaks.find((p) => p.role === 'main.js')?.mb ?? 0;
  const sample = Array.from({ length: Math.min(batchSample, count) }, (_, i) => {
    const file = join(folder, `organisatie-${String(1 + Math.floor((i * count) / batchSample)).padStart(3, '0')}.yaml`);
    return node(['genereer', '--antwoorden', file, '--uitvoer', join(work, 'los'), '--forceer']).time;
  });
  const separate = (sample.reduce((a, b) => a + b, 0) / sample.length) * count;
  console.log(`\nReeks van ${count} organisaties (DOCX + PDF, genereer --antwoorden MAP --parallel 2):`);
  console.log(`  totaal            ${ms(run.time)}   (${target})`);
  console.log(`  per plan          ${ms(run.time / count)}`);
  console.log(
    `  piekgeheugen      per werkproces ${workers.map(mb).join(', ')}; hoofdproces ${mb(parent)}; ` +
      `samen ${mb(parent + workers.reduce((a, b) => a + b, 0))}   (doel ≤ 1024 MB)`,
  );
  console.log(
    `  ${count} losse koude runs (geschat uit ${sample.length}): ${ms(separate)}; verhouding ${ratio(run.time / separate)}×   (doel ≤ 0.2×)`,
  );
}

async function knowledgeLoad(): Promise<KnowledgeBase> {
  const parsed: number[] = [];
  const fromCache: number[] = [];
  const store = folderCache(join(work, 'kennisbank-cache'));
  let kb: KnowledgeBase | undefined;
  for (let i = 0; i < warmRuns + 3; i++) {
    const [parse, result] = await time(() => loadKnowledge(builtInKnowledgeDir));
    const [cached] = await time(() => loadKnowledgeCached(builtInKnowledgeDir, 'knowledge', store));
    if (!result.ok) throw new Error('knowledge base invalid');
    kb = result.knowledge;
    if (i >= 3) {
      parsed.push(parse);
      fromCache.push(cached);
    }
  }
  console.log(
    `\nKennisbank laden (warm, in één proces): lezen en valideren ${ms(median(parsed))}, uit de cache ${ms(median(fromCache))}   (doel < 50 ms)`,
  );
  return kb!;
}

/**
 * The largest inputs the answers schema accepts must stay fast: 30,000 unknown keys (linear since
 * the duplicate-key check is ours, not the yaml library's quadratic one) and a toelichting of the
 * maximum length for every theme (pdfmake lays out a paragraph in time quadratic in its words).
 */
async function hostileInputs(kb: KnowledgeBase): Promise<void> {
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
  console.log(`\nGrootste toegestane invoer:`);
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

async function largeRegisterRun(kb: KnowledgeBase): Promise<void> {
  const file = join(work, 'meldingen.csv');
  writeFileSync(file, largeRegister(registerRows));
  const bytes = readFileSync(file);
  const counting: number[] = [];
  for (let i = 0; i < registerRuns; i++) {
    const scope = { years: [2025, 2026, 2027], organisationType: 'gemeente' } as const;
    const [elapsed, counted] = await time(async () => countRegister(bytes, file, kb, scope));
    const inScope = counted.perYear.reduce((sum, year) => sum + year.counted, 0);
    if (inScope + counted.outsideYears !== registerRows) throw new Error('register miscounted');
    counting.push(elapsed);
  }
  const args = ['genereer', '--antwoorden', reportAnswersFile, '--document', 'rapportage', '--formaten', 'md'];
  const runs = Array.from({ length: registerRuns }, () =>
    node([...args, '--meldingen', file, '--uitvoer', join(work, 'register-uit'), '--forceer']),
  );
  console.log(
    `\nMeldingenregister van ${registerRows.toLocaleString('nl-NL')} rijen (${mb(bytes.length / 1024 / 1024)}, ${registerRuns} runs):`,
  );
  console.log(`  inlezen en tellen (warm)      ${ms(median(counting))}`);
  console.log(
    `  koud, rapportage (Markdown)   ${ms(median(runs.map((r) => r.time)))}   (doel ≤ 2500 ms; vóór issue 13: 3500 ms)`,
  );
  console.log(
    `  piekgeheugen                  ${mb(median(runs.map((r) => Math.max(...r.peaks.map((p) => p.mb)))))}   (doel ≤ 250 MB; vóór issue 13: 470 MB)`,
  );
}

try {
  console.log(`integriteitsplan benchmark — Node ${process.version}, ${new Date().toISOString()}; belasting ${load()}`);
  const kb = await knowledgeLoad();
  cold();
  await warm(kb);
  batch(
    kb,
    batchSize,
    `doel: 375 plannen ≤ 60 s met 2 werkprocessen, dus ≤ ${ms((60_000 * batchSize) / 375)} voor ${batchSize}`,
  );
  await largeRegisterRun(kb);
  await hostileInputs(kb);
  console.log(`\nBelasting van de machine aan het eind: ${load()} (1 / 5 / 15 minuten; 2 kernen)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
