/**
 * How hard the reliability suite pushes: a short form inside `npm test` (CI),
 * the full form with `npm run test:stress` (TUSOI_STRESS=full).
 */
export const FULL = process.env.TUSOI_STRESS === 'full';

export function count(short: number, full: number): number {
  return FULL ? full : short;
}
