import type { CaseEvent } from '../../engine/types.ts';
import { chainOf, EXPORT_FORMAT, exportSignature, type AuditExport, type ExportPurpose } from '../../policy/audit-chain.ts';
import type { StaffMember } from '../../staff/auth.ts';
import type { AppContext } from '../context.ts';
import { recordPrivacy } from '../ledger.ts';
import { execute, loadCase } from '../pipeline.ts';
import { NOT_FOUND, type Result } from '../result.ts';

/**
 * Exports a case's audit trail for a staff member who may see it, first recording the export on
 * the case as a view (so the export holds its own reading). An access request (AVG art. 15) is
 * counted anonymously besides. Not found: no such case, or it concerns this staff member.
 */
export async function exportCase(ctx: AppContext, ref: string, me: StaffMember, purpose: ExportPurpose): Promise<Result<{ export: AuditExport }>> {
  const before = await loadCase(ctx, ref);
  if (!before || before.state.concerned.includes(me.email)) return NOT_FOUND;
  const viewed = await execute(ctx, ref, { type: 'record-view', actor: { kind: 'staff', email: me.email }, what: purpose });
  if (!viewed.ok) return NOT_FOUND;
  if (purpose === 'access-request') {
    await recordPrivacy(ctx, 'access', ref);
  }
  const commits = await ctx.store.load(ref);
  const submitted = commits[0]?.events[0] as CaseEvent | undefined;
  if (submitted?.type !== 'submitted') return NOT_FOUND;
  const links = chainOf(commits);
  const head = links.at(-1)!.hash;
  const x: AuditExport = {
    format: EXPORT_FORMAT,
    reference: ref,
    procedureId: submitted.procedureId,
    procedureHash: submitted.procedureHash,
    exportedAt: ctx.clock.now(),
    exportedBy: me.email,
    purpose,
    commits: links,
    head,
    signature: exportSignature(ctx.signer, ref, head),
  };
  return { ok: true, export: x };
}
