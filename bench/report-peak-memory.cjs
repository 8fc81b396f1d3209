// Preloaded into the program's processes by the benchmark (workers inherit it): each reports its peak memory on exit,
// with the name of its script (main.js, worker.js).
process.on('exit', () => {
  const script = (process.argv[1] ?? '').split(/[\\/]/).pop();
  process.stderr.write(`\nBENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS} ROLE=${script}\n`);
});
