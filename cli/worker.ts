import { setImmediate as turn } from 'node:timers/promises';
import { parentPort } from 'node:worker_threads';
import { handleJob } from './clean-job';
import { nodeSanitizer } from './node-dom';
import type { WorkerJob } from './pool';

/** Cleans one page per message, formats it as asked and answers with the text to write. */

// Loading jsdom and the pipeline takes a while; a page's time limit starts after it.
nodeSanitizer();
parentPort!.postMessage({ ready: true });

parentPort!.on('message', async (job: WorkerJob) => {
  const outcome = await handleJob(job);
  parentPort!.postMessage(outcome);
  // jsdom frees a closed window's memory only once the event loop turns.
  await turn();
});
