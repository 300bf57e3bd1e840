/**
 * The behaviour ids of the bundled questionnaire, read through the CLI as a
 * user would (`questionnaire show --json`); shared by the report tests that
 * fill paper forms for every behaviour.
 */
import type { TempCell } from './cell.js';

/** Every behaviour id of nq4-khoa-xii, in questionnaire order. */
export async function behaviourIds(cell: TempCell): Promise<string[]> {
  const q = JSON.parse((await cell.cli(['questionnaire', 'show', 'nq4-khoa-xii', '--json'])).stdout) as {
    groups: Array<{ manifestations: Array<{ behaviours: Array<{ id: string }> }> }>;
  };
  return q.groups.flatMap((g) => g.manifestations.flatMap((m) => m.behaviours.map((b) => b.id)));
}
