// The small-number audit of the built program (dist/), run in a worker thread: outside jest's module
// sandbox, where every global lookup is slow, yalps's integer programmes run many times faster. The
// brute-force test (trend-audit.test.ts) sends the tables' inputs and gets back what it checks.
import { parentPort, workerData } from 'node:worker_threads';

const { registerLayout } = await import(workerData.tables);
const { suppress } = await import(workerData.suppress);

parentPort.on('message', (inputs) => {
  parentPort.postMessage(
    inputs.map((input) => {
      const layout = registerLayout(input);
      return {
        values: layout.problem.values,
        printed: layout.printed,
        marks: suppress(layout.problem, input.threshold),
      };
    }),
  );
});
