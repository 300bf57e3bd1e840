/**
 * Tự sửa on the network form in a phone-sized headless Chromium (Debian's,
 * over the DevTools pipe), page scripts disabled: a member submits on the
 * phone, makes a secret, types it back, writes a commitment; later, on
 * another phone, the personal code and the secret open it again. The server
 * runs in-process with `commitments: true` on plain HTTP on 127.0.0.1: the
 * flag is what `serve --https` sets, and the pages are the same over TLS.
 * Screenshots go to docs/screenshots/serve-commitments-*.png.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allBehaviours } from '../../src/questionnaire/model.js';
import { Browser, type Tab, tapAndWait } from '../support/cdp.js';
import { ROOT } from '../support/cli.js';
import { pageBehaviours, served, type Served } from '../support/web.js';

const SHOTS = join(ROOT, 'docs', 'screenshots');
const AN = 'Nguyễn Văn An';
const ACTION = 'Đến họp đúng giờ; vắng thì báo trước cho bí thư chi bộ.';

let browser: Browser | undefined;
let s: Served | undefined;
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

async function type(tab: Tab, selector: string, text: string): Promise<void> {
  await tab.tap(selector);
  await tab.call('Input.insertText', { text });
}

describe('commitments in a phone-sized browser', () => {
  it('submit, make and confirm a secret, write a commitment; later the code and the secret open it', async () => {
    mkdirSync(SHOTS, { recursive: true });
    s = await served([AN, 'Trần Thị Bích Ngọc'], { commitments: true });
    const x = s;
    const ids = allBehaviours(x.q).map((b) => b.id);
    const level = (id: string) => (ids.indexOf(id) % 9 === 0 ? 'thuong-xuyen' : ids.indexOf(id) % 4 === 0 ? 'thinh-thoang' : 'khong');
    // The answers themselves over HTTP (the answering pages have their own browser test); the submission in the browser.
    const d = x.device();
    await d.signIn(x.codes.get(AN)!);
    for (let p = 1; p <= 27; p++) {
      await d.get(`/m/${p}`);
      const fields: Record<string, string> = { csrf: d.csrf, go: 'next' };
      for (const id of pageBehaviours(x.q, p)) fields[`b:${id}`] = level(id);
      await d.post(`/m/${p}`, fields);
    }
    const base = `http://127.0.0.1:${x.port}`;
    browser = Browser.launch();
    const noScripts = async (t: Tab) => t.call('Emulation.setScriptExecutionDisabled', { value: true });
    const phone = await browser.tab();
    await noScripts(phone);
    await phone.goto(`${base}/`);
    await type(phone, '#code', x.codes.get(AN)!);
    await tapAndWait(phone, 'form button[type=submit]');
    // The form is still held by the device that answered: the phone says so and takes it over (one front end at a time).
    expect(await phone.url()).toBe('/form');
    await tapAndWait(phone, 'form[action="/takeover"] button');
    expect(await phone.url()).toBe('/review');
    await phone.tap('label[for=confirm]');
    await tapAndWait(phone, 'form[action="/submit"] button');
    expect(await phone.url()).toBe('/c');
    writeFileSync(join(SHOTS, 'serve-commitments-1-offer.png'), await phone.screenshot());
    await tapAndWait(phone, 'form[action="/c/secret"] button');
    const secret = await phone.eval<string>('document.querySelector(".secret").textContent');
    expect(secret).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    writeFileSync(join(SHOTS, 'serve-commitments-2-secret.png'), await phone.screenshot());
    await type(phone, '#secret', secret);
    await tapAndWait(phone, 'form[action="/c/confirm"] button');
    expect(await phone.url()).toBe('/c?ok=noted');
    writeFileSync(join(SHOTS, 'serve-commitments-3-list.png'), await phone.screenshot());
    await tapAndWait(phone, 'ul.commitments a.button');
    await type(phone, '#action', ACTION);
    await type(phone, '#due', '30/6/2027');
    writeFileSync(join(SHOTS, 'serve-commitments-4-edit.png'), await phone.screenshot());
    await tapAndWait(phone, 'button[value=save]');
    expect(await phone.url()).toBe('/c?ok=saved');
    expect(await phone.eval<string>('document.querySelector(".commitment").textContent')).toContain(ACTION);

    // Later, another phone: the code, then the secret.
    const other = await browser.tab();
    await noScripts(other);
    await other.goto(`${base}/`);
    await type(other, '#code', x.codes.get(AN)!);
    await tapAndWait(other, 'form button[type=submit]');
    expect(await other.url()).toBe('/c');
    expect(await other.eval<string>('document.body.textContent')).not.toContain(ACTION);
    writeFileSync(join(SHOTS, 'serve-commitments-5-locked.png'), await other.screenshot());
    await type(other, '#secret', secret.toLowerCase());
    await tapAndWait(other, 'form[action="/c/unlock"] button');
    expect(await other.url()).toBe('/c');
    expect(await other.eval<string>('document.querySelector(".commitment").textContent')).toContain(ACTION);
    writeFileSync(join(SHOTS, 'serve-commitments-6-reopened.png'), await other.screenshot());
  });
});
