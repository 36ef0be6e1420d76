import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parentPort, Worker } from 'node:worker_threads';

type Answer<T> = { result: T } | { error: { message: string; code?: string } };
type Message<T, P> = Answer<T> | { progress: P };

/**
 * Runs the module at `script` (a built .js file beside the caller) on a worker thread and resolves with
 * what it answers (see answer()), passing on its progress (see reportProgress()); rejects with the error
 * it answers, or if it ends without answering.
 *
 * Run from the TypeScript sources (tests, the bench) there is only the .ts beside it, which the thread
 * loads through tsx, the loader the sources already run under.
 */
export function runWorker<T, P = never>(script: URL, workerData: unknown, onProgress: (progress: P) => void = () => {}): Promise<T> {
  const worker = existsSync(fileURLToPath(script)) ? new Worker(script, { workerData }) : sourceWorker(script, workerData);
  return new Promise<T>((resolve, reject) => {
    worker.on('message', (message: Message<T, P>) => {
      if ('progress' in message) onProgress(message.progress);
      else if ('result' in message) resolve(message.result);
      else reject(Object.assign(new Error(message.error.message), message.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`${script.pathname} ended (exit code ${code}) without an answer`)));
  });
}

/** In a worker runWorker started: tells the caller how far it got. */
export function reportProgress<P>(progress: P): void {
  parentPort!.postMessage({ progress });
}

/**
 * In a worker runWorker started: posts what `work` returns, or the message and code of what it throws
 * (errors of other classes, such as SQLite's, lose their message crossing threads on their own).
 */
export async function answer<T>(work: () => T | Promise<T>): Promise<void> {
  let reply: Answer<T>;
  try {
    reply = { result: await work() };
  } catch (error) {
    const { message, code } = error as Error & { code?: string };
    reply = { error: { message, code } };
  }
  parentPort!.postMessage(reply);
}

function sourceWorker(script: URL, workerData: unknown): Worker {
  const source = new URL(script.href.replace(/\.js$/, '.ts'));
  if (!existsSync(fileURLToPath(source))) throw new Error(`No worker script at ${script.pathname}: run npm run build`);
  const load = `import(${JSON.stringify(tsxEsmApi())}).then(({ register }) => { register(); return import(${JSON.stringify(source.href)}); });`;
  return new Worker(load, { eval: true, workerData });
}

/** tsx's ESM API, by its package's exports map (its CommonJS build cannot register hooks from a worker's eval). */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(manifest), exports['./esm/api']!.import.default)).href;
}
