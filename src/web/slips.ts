/**
 * The sheet of personal code slips the secretary prints and cuts (`tusoi
 * serve --codes FILE`): a name, the address, the code, and a QR code that
 * opens the address with that code filled in (`/?code=…`; signing in is still
 * the member's tap on the button). Over `--https`, the certificate's
 * fingerprint too, for members to compare with their browser's.
 */
import type { Messages } from '../i18n/messages.js';
import type { Lang } from '../questionnaire/model.js';
import { escapeHtml as e } from '../report/escape.js';
import type { Fingerprint } from './certificate.js';
import { svgQr } from './qr.js';

/** What a slip's QR code opens: the address with the code filled in. */
export const slipLink = (url: string, code: string): string => `${url}?code=${encodeURIComponent(code)}`;

/** One slip as printed: a heading (the member's name, or "anonymous ballot · round"), the code under its label. */
export interface PrintedSlip {
  readonly heading: string;
  readonly code: string;
}

/**
 * The printable sheet of slips, named or anonymous: the same layout, QR code
 * and fingerprint lines; the caller gives each slip's heading and the words
 * that differ (the code's label, the QR code's spoken label, the last line).
 */
export function slipPage(
  m: Messages,
  lang: Lang,
  o: {
    readonly title: string;
    readonly url: string;
    readonly slips: ReadonlyArray<PrintedSlip>;
    readonly codeLabel: string;
    readonly qrLabel: string;
    readonly keep: string;
    readonly fingerprint?: Fingerprint | undefined;
  },
): string {
  const s = m.serve;
  const h = m.serveHttps;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(o.title)}</title>
<style>
body{font-family:system-ui,"Segoe UI",Arial,sans-serif;margin:1cm;color:#000}
h1{font-size:14pt}
.sheet{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(8.5cm,100%),1fr));gap:0}
.slip{border:1px dashed #666;padding:0.4cm;break-inside:avoid;font-size:11pt}
.name{font-weight:700;font-size:12pt}
.code{font-family:ui-monospace,Consolas,monospace;font-size:18pt;letter-spacing:0.12em;font-weight:700}
.url,.fp{font-family:ui-monospace,Consolas,monospace}
.slip{display:grid;grid-template-columns:minmax(0,1fr) auto;gap:0 0.3cm;align-content:start}
.url{overflow-wrap:anywhere}
.qr{grid-column:2;grid-row:1/span 9;align-self:start}
.code,.fp{display:block;white-space:nowrap}
.fp{font-weight:700}
@media print{h1{display:none}body{margin:0.5cm}}
</style>
</head>
<body>
<h1>${e(o.title)}</h1>
<div class="sheet">
${o.slips
  .map(
    (x) => `<div class="slip">
${svgQr(slipLink(o.url, x.code), '3.2cm', o.qrLabel)}
<div class="name">${e(x.heading)}</div>
<div>${e(s.slipIntro)}</div>
<div>${e(s.slipAddress)}: <span class="url">${e(o.url)}</span></div>
<div>${e(o.codeLabel)}: <span class="code">${e(x.code)}</span></div>
${o.fingerprint ? `<div>${e(h.slipFingerprint)}: <span class="fp">${e(o.fingerprint.short)}</span></div>
<div><small>${e(h.slipFingerprintHint)}</small></div>
` : ''}<div><small>${e(o.keep)}</small></div>
</div>`,
  )
  .join('\n')}
</div>
</body>
</html>
`;
}

/** A named round's slips: each with its member's name and personal code. */
export function slipSheet(
  m: Messages,
  lang: Lang,
  round: string,
  url: string,
  slips: ReadonlyArray<{ readonly name: string; readonly code: string }>,
  fingerprint?: Fingerprint,
): string {
  return slipPage(m, lang, {
    title: m.serve.slipsTitle(round),
    url,
    slips: slips.map((x) => ({ heading: x.name, code: x.code })),
    codeLabel: m.serve.slipCode,
    qrLabel: m.serveHttps.slipQr(url),
    keep: m.serve.slipKeep,
    fingerprint,
  });
}
