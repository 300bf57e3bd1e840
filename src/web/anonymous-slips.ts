/**
 * The sheet of anonymous slips (`tusoi serve --codes FILE` in an anonymous
 * round): the same slip as a named round's, with no name on it, to be cut,
 * shuffled and handed out at random (issue 18, part 2): with the QR code of
 * the address and the code, and over --https the certificate's fingerprint.
 */
import type { Messages } from '../i18n/messages.js';
import type { Lang } from '../questionnaire/model.js';
import { escapeHtml as e } from '../report/escape.js';
import type { Fingerprint } from './certificate.js';
import { svgQr } from './qr.js';
import { slipLink } from './slips.js';

export function anonymousSlipSheet(m: Messages, lang: Lang, round: string, url: string, codes: ReadonlyArray<string>, fingerprint?: Fingerprint): string {
  const s = m.serve;
  const h = m.serveHttps;
  const a = m.anonWeb;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(a.slipsTitle(round))}</title>
<style>
body{font-family:system-ui,"Segoe UI",Arial,sans-serif;margin:1cm;color:#000}
h1{font-size:14pt}
.sheet{display:grid;grid-template-columns:repeat(auto-fill,minmax(8.5cm,1fr));gap:0}
.slip{border:1px dashed #666;padding:0.4cm;break-inside:avoid;font-size:11pt}
.name{font-weight:700;font-size:12pt}
.code{font-family:ui-monospace,Consolas,monospace;font-size:18pt;letter-spacing:0.12em;font-weight:700}
.url,.fp{font-family:ui-monospace,Consolas,monospace}
.slip{display:grid;grid-template-columns:1fr auto;gap:0 0.3cm;align-content:start}
.qr{grid-column:2;grid-row:1/span 9;align-self:start}
.code,.fp{display:block;white-space:nowrap}
.fp{font-weight:700}
@media print{h1{display:none}body{margin:0.5cm}}
</style>
</head>
<body>
<h1>${e(a.slipsTitle(round))}</h1>
<div class="sheet">
${codes
  .map(
    (code) => `<div class="slip">
${svgQr(slipLink(url, code), '3.2cm', a.slipQr(url))}
<div class="name">${e(a.slipHeading)} · ${e(round)}</div>
<div>${e(s.slipIntro)}</div>
<div>${e(s.slipAddress)}: <span class="url">${e(url)}</span></div>
<div>${e(a.slipCode)}: <span class="code">${e(code)}</span></div>
${fingerprint ? `<div>${e(h.slipFingerprint)}: <span class="fp">${e(fingerprint.short)}</span></div>
<div><small>${e(h.slipFingerprintHint)}</small></div>
` : ''}<div><small>${e(a.slipKeep)}</small></div>
</div>`,
  )
  .join('\n')}
</div>
</body>
</html>
`;
}
