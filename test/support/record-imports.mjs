// Preloaded with `node --import`: records every module the program loads, ESM
// (through a resolve hook) and CommonJS (through Module._load), into the file
// named by TUSOI_IMPORT_LOG, so tests can prove what a command does not load.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';

register('./record-imports-hooks.mjs', import.meta.url);

const log = process.env.TUSOI_IMPORT_LOG;
const load = Module._load;
Module._load = function (request, ...rest) {
  if (log) appendFileSync(log, `require:${request}\n`);
  return load.call(this, request, ...rest);
};
