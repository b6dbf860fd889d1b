/**
 * The periodic reports a procedure names go out by themselves: once a period is over, each report
 * is mailed once, as CSV, to the role or address the procedure gives (e.g. Ben in de Buurt's
 * anonymous register to the municipality of Groningen, every quarter). Run by the daily job (the
 * sweeper on AWS, every tick and clock move of the local office).
 *
 * Once: the key `report:<id>:<period>` is set after the mail went out and checked before, so a run
 * after a crash between the two may send one again (at least once, like every effect); the
 * Message-ID is the same, so a mailer that can tell (the local outbox) keeps one.
 * Reports start with the period the office was running in when this job first ran; no report is
 * made for periods before that.
 */
import type { AppContext } from '../context.ts';
import type { EmailAddress as Address } from '../../engine/types.ts';
import type { OutgoingMessage } from '../../mail/message.ts';
import { renderHtml, renderText, type Block } from '../../mail/render.ts';
import type { Procedure } from '../../procedure/schema.ts';
import { buildReport, REPORTS_SINCE_KEY, reportCsv, reportFileName, type ProcedureReport, type Report } from './build.ts';
import { endedBetween } from '../../reports/periods.ts';

export const reportSentKey = (reportId: string, periodId: string) => `report:${reportId}:${periodId}`;

export function reportRecipients(p: Procedure, r: ProcedureReport): Address[] {
  if ('email' in r.to) return [{ email: r.to.email }];
  return (p.roles[r.to.role]?.members ?? []).map((m) => ({ email: m.email, name: m.name }));
}

/** Sends every report that is due and was not sent yet; one failing report does not stop the others. */
export async function sendDueReports(ctx: AppContext): Promise<{ sent: number; failed: number }> {
  const p = ctx.procedure;
  if (!p.reports.length) return { sent: 0, failed: 0 };
  const now = ctx.clock.now();
  const since = (await ctx.store.readKey(REPORTS_SINCE_KEY)) ?? (await ctx.store.setOnce(REPORTS_SINCE_KEY, now));
  let sent = 0;
  let failed = 0;
  for (const r of p.reports) {
    for (const period of endedBetween(since, now, r.every)) {
      const key = reportSentKey(r.id, period.id);
      if (await ctx.store.readKey(key)) continue;
      const to = reportRecipients(p, r);
      if (!to.length) continue;
      try {
        const report = await buildReport(ctx, period, { report: r });
        await ctx.mailer.send(reportMessage(ctx, r, report, to));
        await ctx.store.setOnce(key, now);
        ctx.log.info('report sent', { report: r.id, period: period.id, recipients: to.length });
        sent++;
      } catch (e) {
        failed++;
        ctx.log.error('report failed', { report: r.id, period: period.id, error: e instanceof Error ? e.name : 'unknown' });
      }
    }
  }
  return { sent, failed };
}

export function reportMessage(ctx: Pick<AppContext, 'procedure' | 'publicUrl' | 'replyDomain'>, r: ProcedureReport, report: Report, to: Address[]): OutgoingMessage {
  const p = ctx.procedure;
  const f = report.figures;
  const internal = 'role' in r.to;
  const subject = `${r.label.nl}: ${report.periodLabel}`;
  const blocks: Block[] = [
    { p: `In de bijlage staat ${r.label.nl.charAt(0).toLowerCase() + r.label.nl.slice(1)} over ${report.periodLabel} (${f.from} tot en met ${f.to}), als CSV-bestand. Het bevat geen namen, adressen, e-mailadressen, telefoonnummers of andere persoonsgegevens.` },
    {
      dl: [
        ['Ontvangen klachten', String(f.received.total)],
        ['Afgehandeld', String(f.handled.total)],
        ['Termijnen gehaald', String(f.terms.met)],
        ['Termijnen niet gehaald', String(f.terms.missed)],
        ['Met maatregelen', String(f.handled.withMeasures)],
      ],
    },
    ...(internal ? [{ link: { text: 'Bekijk het overzicht in de werkplek', href: `${ctx.publicUrl}/staff/reports/${report.period.id}?report=${r.id}` } }] : []),
    { p: `${p.organisation.name}${r.basis ? ` (${r.basis})` : ''}. Dit bericht is automatisch verstuurd.` },
  ];
  return {
    messageId: `<report.${r.id}.${report.period.id.toLowerCase()}@${ctx.replyDomain}>`,
    from: { email: p.organisation.email, name: p.organisation.name },
    to,
    subject,
    text: renderText(blocks),
    html: renderHtml(blocks, 'nl', subject),
    headers: { 'auto-submitted': 'auto-generated', 'x-auto-response-suppress': 'All', 'content-language': 'nl' },
    attachments: [{ filename: reportFileName(report), contentType: 'text/csv; charset=utf-8', content: reportCsv(report) }],
  };
}
