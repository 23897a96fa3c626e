// The entry of the worker thread that reads an uploaded spreadsheet (worker-pool.ts). Plain JavaScript so that it
// starts the same way under the server, the CLI and the tests: it loads the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./parse.worker.ts');
