// The floor for `tusoi --help`: an ESM entry that loads commander and prints a small help.
import { createRequire } from 'node:module';

const { Command } = createRequire(import.meta.url)('commander');
const p = new Command('tusoi').description('x').option('--db <file>', 'db').exitOverride();
p.command('questionnaire').description('q').command('show').argument('<ref>');
p.configureOutput({ writeOut: (s) => process.stdout.write(s) });
try {
  p.parse(['--help'], { from: 'user' });
} catch {
  // help exits through exitOverride
}
