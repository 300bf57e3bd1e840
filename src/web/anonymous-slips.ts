/**
 * The sheet of anonymous slips (`tusoi serve --codes FILE` in an anonymous
 * round): the same slip as a named round's (`slips.ts`), with no name on it,
 * to be cut, shuffled and handed out at random (issue 18, part 2); the QR
 * code of the address and the code, and over --https the fingerprint.
 */
import type { Messages } from '../i18n/messages.js';
import type { Lang } from '../questionnaire/model.js';
import type { Fingerprint } from './certificate.js';
import { slipPage } from './slips.js';

export function anonymousSlipSheet(m: Messages, lang: Lang, round: string, url: string, codes: ReadonlyArray<string>, fingerprint?: Fingerprint): string {
  const a = m.anonWeb;
  return slipPage(m, lang, {
    title: a.slipsTitle(round),
    url,
    slips: codes.map((code) => ({ heading: `${a.slipHeading} · ${round}`, code })),
    codeLabel: a.slipCode,
    qrLabel: a.slipQr(url),
    keep: a.slipKeep,
    fingerprint,
  });
}
