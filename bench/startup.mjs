// Start-up: `tusoi --help`, `status` of a 30-member cell and validating the
// bundled questionnaire, against `node -e 0` on the same Node in the same run.
// Targets from "Runs where users are" (issue 19); the floors show what the
// libraries alone cost, so a missed target can be traced to its cause.
import { BIN, interleaved, interleavedCpu, row } from './lib.mjs';
import { setupCell } from './interview.mjs';

export async function startupBench(runs) {
  const cell = await setupCell(30, 12);
  cell.db.close();
  const commands = {
    baseline: { args: ['-e', '0'] },
    help: { args: [BIN, '--help'] },
    commanderFloor: { args: ['bench/floors/commander-help.mjs'] },
    yamlFloor: { args: ['bench/floors/yaml-parse.mjs'] },
    validate: { args: [BIN, 'questionnaire', 'validate', 'questionnaires/nq4-khoa-xii.yaml'] },
    status: { args: [BIN, '--db', cell.file, 'status'] },
  };
  const t = interleaved(commands, runs);
  const cpu = interleavedCpu(commands, runs);
  const base = t.baseline;
  const ratio = (x) => x / base;
  return [
    row('node -e 0 (baseline)', base, 'ms', base, 'node -e 0', 1, '—', true),
    row('tusoi --help', t.help, 'ms', base, 'node -e 0', ratio(t.help), '≤ 1.20×', ratio(t.help) <= 1.2),
    row('  floor: ESM entry + commander, tiny help', t.commanderFloor, 'ms', base, 'node -e 0', ratio(t.commanderFloor), 'info', true),
    row('tusoi status (30 members, open round)', t.status, 'ms', base, 'node -e 0', ratio(t.status), '≤ 2.00×', ratio(t.status) <= 2),
    row('  floor: yaml load + parse of the bundled file', t.yamlFloor, 'ms', base, 'node -e 0', ratio(t.yamlFloor), 'info', true),
    row('tusoi questionnaire validate (bundled)', t.validate, 'ms', base, 'node -e 0', ratio(t.validate), '≤ 2.30×', ratio(t.validate) <= 2.3),
    // The same as CPU time: read these when the machine is shared (wall times then swing with the load).
    ...[
      ['tusoi --help (CPU)', cpu.help, 1.2],
      ['tusoi status (CPU)', cpu.status, 2],
      ['tusoi questionnaire validate (CPU)', cpu.validate, 2.3],
    ].map(([figure, ms, target]) => row(figure, ms, 'ms CPU', cpu.baseline, 'node -e 0, CPU', ms / cpu.baseline, `≤ ${target.toFixed(2)}×`, ms / cpu.baseline <= target)),
  ];
}
