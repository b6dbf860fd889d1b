/**
 * A local office in memory for the register/report/retention tests, driven over HTTP with its
 * virtual clock, with the office object at hand (its outbox's attachments, its blobs, its store).
 */
import { startLocalOffice, type LocalOffice } from '../../infra/local/office.ts';
import { procedurePath } from '../support/office-client.ts';
import { BULK_LIMITS, call, signIn, type CallOptions, type Res } from '../support/http.ts';

export type { Res };

export class Office {
  private constructor(readonly office: LocalOffice) {}

  static async start(procedureId: string, clockStart: string): Promise<Office> {
    return new Office(await startLocalOffice({ procedurePath: procedurePath(procedureId), port: 0, clockStart, minFillMs: 0, limits: BULK_LIMITS }));
  }

  close() {
    return this.office.close();
  }

  get ctx() {
    return this.office.ctx;
  }

  call(method: string, path: string, opts: CallOptions = {}): Promise<Res> {
    return call(this.office, method, path, opts);
  }

  /** GET that must answer 200. */
  async get<T = any>(path: string, token?: string): Promise<T> {
    const r = await this.call('GET', path, token ? { token } : {});
    if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${r.text.slice(0, 300)}`);
    return (r.headers.get('content-type') ?? '').startsWith('application/json') ? r.json<T>() : (r.text as T);
  }

  signIn(email: string): Promise<string> {
    return signIn(this.office, email);
  }

  /** Moves the virtual clock (firing terms, then retention and the reports, as the sweeper does). */
  async advanceTo(instant: string) {
    const r = await this.call('POST', '/_local/clock', { body: { advanceTo: instant } });
    if (r.status !== 200) throw new Error(`clock to ${instant}: ${r.status} ${r.text}`);
  }

  async file(fields: Record<string, unknown>): Promise<{ reference: string; statusUrl: string }> {
    const r = await this.call('POST', '/api/complaints', { body: fields });
    if (r.status !== 201) throw new Error(`filing: ${r.status} ${r.text}`);
    return r.json();
  }

  async enter(token: string, channel: string, fields: Record<string, unknown>): Promise<string> {
    const r = await this.call('POST', '/api/staff/complaints', { token, body: { channel, ...fields } });
    if (r.status !== 201) throw new Error(`entering: ${r.status} ${r.text}`);
    return r.json().reference;
  }

  async act(token: string, ref: string, action: Record<string, unknown>): Promise<any> {
    const r = await this.call('POST', `/api/staff/cases/${ref}/actions`, { token, body: action });
    if (r.status !== 200) throw new Error(`${String(action.type)} on ${ref}: ${r.status} ${r.text}`);
    return r.json();
  }

  /** The status page's JSON, by the link in the receipt. */
  statusOf(statusUrl: string): Promise<Res> {
    const url = new URL(statusUrl);
    return this.call('GET', `/api${url.pathname}${url.search}`);
  }

  get outbox() {
    return this.office.outbox;
  }
}

/** Parses RFC 4180 CSV (quoted fields, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
