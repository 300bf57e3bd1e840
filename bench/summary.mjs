// The summary (`tusoi report --json`) and the export (`tusoi export`) of a cell
// with many submitted responses, as ratios to `node -e 0`, at three sizes.
import { BIN, interleaved, row } from './lib.mjs';
import { setupCell } from './interview.mjs';

export async function summaryBench(runs, { quick }) {
  const sizes = quick ? [100, 1000] : [100, 1000, 3000];
  const commands = { baseline: { args: ['-e', '0'] } };
  for (const n of sizes) {
    const cell = await setupCell(n, n);
    cell.db.close();
    commands[`report${n}`] = { args: [BIN, '--db', cell.file, 'report', '--json'] };
    commands[`export${n}`] = { args: [BIN, '--db', cell.file, 'export', '--out', `${cell.dir}/x.csv`] };
    // The report workbook (issue 16, part 3): the 111 behaviours written as .xlsx, against report --json.
    if (n === 1000) commands.xlsx1000 = { args: [BIN, '--db', cell.file, 'report', '--format', 'xlsx', '--force', '--out', `${cell.dir}/r.xlsx`] };
  }
  const t = interleaved(commands, Math.max(3, Math.floor(runs / 3)));
  const base = t.baseline;
  const rows = [
    row('summary (report --json), 1,000 members', t.report1000, 'ms', base, 'node -e 0', t.report1000 / base, '≤ 5.00×', t.report1000 / base <= 5),
    row('export, 1,000 members', t.export1000, 'ms', base, 'node -e 0', t.export1000 / base, '≤ 5.00×', t.export1000 / base <= 5),
  ];
  rows.push(row('  report --format xlsx, 1,000 members', t.xlsx1000, 'ms', t.report1000, 'report --json', t.xlsx1000 / t.report1000, 'info', true));
  for (const n of sizes) {
    rows.push(row(`  report --json, ${n} members`, t[`report${n}`], 'ms', base, 'node -e 0', t[`report${n}`] / base, 'info', true));
    rows.push(row(`  export, ${n} members`, t[`export${n}`], 'ms', base, 'node -e 0', t[`export${n}`] / base, 'info', true));
  }
  return rows;
}
