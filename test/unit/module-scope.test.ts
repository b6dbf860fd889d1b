/**
 * Cold start: loading a function (its module scope) does nothing that can wait for the first
 * invocation. Each function's entry is imported afresh, with the costly constructors watched.
 * (`npm run bench:cold` measures the load itself; this keeps the causes it found from coming back.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const ENTRIES = ['public', 'staff', 'inbound-mail', 'deadline', 'sweeper', 'effects'];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('module scope of every function', () => {
  it.each(ENTRIES)('%s: no Intl date formatter made at load (the first one loads ICU locale data, ≈ 10 ms)', async (entry) => {
    vi.resetModules();
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    await import(`../../functions/${entry}.ts`);
    expect(made).not.toHaveBeenCalled();
  });
});

describe('inbound mail: html-to-text (with htmlparser2 and its entity tables) loads with the first mail that needs it', () => {
  const OURS = { domains: ['reply.hss.example.nl'] };
  const HEAD = 'From: Hatice <h@example.net>\r\nTo: klachten@hss.example.nl\r\nSubject: Klacht\r\nMIME-Version: 1.0\r\n';
  const loaded = vi.hoisted(() => ({ htmlToText: false }));
  vi.mock('html-to-text', async (original) => {
    loaded.htmlToText = true;
    return original();
  });

  it('not at load, not for plain text or a reply cut by the text rules; for HTML, with the same text as before', async () => {
    vi.resetModules();
    loaded.htmlToText = false;
    await import('../../functions/inbound-mail.ts');
    const { parseInbound } = await import('../../shared/mail/inbound.ts');
    const plain = await parseInbound(Buffer.from(`${HEAD}Content-Type: text/plain; charset=utf-8\r\n\r\nMijn klacht.\r\n`), { to: [] }, OURS);
    expect(plain.stripped).toBe('Mijn klacht.');
    const reply = await parseInbound(
      Buffer.from(`${HEAD}Content-Type: multipart/alternative; boundary="a"\r\n\r\n--a\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nJa, graag.\r\n\r\nOp 3 maart 2026 om 10:00 schreef Klachten <k@hss.example.nl>:\r\n> Wilt u bellen?\r\n--a\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Ja, graag.</p>\r\n--a--\r\n`),
      { to: [] },
      OURS,
    );
    expect(reply).toMatchObject({ stripped: 'Ja, graag.', cut: true });
    expect(loaded.htmlToText).toBe(false);
    const html = await parseInbound(Buffer.from(`${HEAD}Content-Type: text/html; charset=utf-8\r\n\r\n<p>Mijn <b>klacht</b>.</p>\r\n`), { to: [] }, OURS);
    expect(html.stripped).toBe('Mijn klacht.');
    expect(loaded.htmlToText).toBe(true);
  });
});
