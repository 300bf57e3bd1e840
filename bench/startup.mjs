// Start-up: `tusoi --help` and validating the bundled questionnaire, against `node -e 0`.
import { BIN, interleaved, row } from './lib.mjs';

export function startupBench(runs) {
  const t = interleaved(
    {
      baseline: { args: ['-e', '0'] },
      help: { args: [BIN, '--help'] },
      commanderFloor: { args: ['bench/floors/commander-help.mjs'] },
      yamlFloor: { args: ['bench/floors/yaml-parse.mjs'] },
      validate: { args: [BIN, 'questionnaire', 'validate', 'questionnaires/nq4-khoa-xii.yaml'] },
    },
    runs,
  );
  const base = t.baseline;
  return [
    row('node -e 0 (baseline)', base, 'ms', base, 'node -e 0', 1, '—', true),
    row('tusoi --help', t.help, 'ms', base, 'node -e 0', t.help / base, '≤ 1.30×', t.help / base <= 1.3),
    row('  floor: ESM entry + commander, tiny help', t.commanderFloor, 'ms', base, 'node -e 0', t.commanderFloor / base, 'info', true),
    row('  floor: yaml load + parse of the bundled file', t.yamlFloor, 'ms', base, 'node -e 0', t.yamlFloor / base, 'info', true),
    row('tusoi questionnaire validate (bundled)', t.validate, 'ms', base, 'node -e 0', t.validate / base, '≤ 2.50×', t.validate / base <= 2.5),
  ];
}
