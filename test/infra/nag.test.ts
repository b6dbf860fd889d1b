/**
 * cdk-nag's AwsSolutions pack on all five stacks (in one App, as `cdk synth` runs it): no finding
 * is left unacknowledged, every acknowledgement has a written reason, and an unacknowledged finding
 * does fail the synth.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProcedureFile } from '../../shared/procedure/load.ts';
import { makeApp, PROCEDURE_FILES, removeOutdirs } from './support.ts';

interface Violation {
  ruleName: string;
  severity: string;
  description: string;
  violatingConstructs: { constructPath: string }[];
  acknowledgedId?: string;
  reason?: string;
}
interface Report {
  pluginReports: { pluginName: string; conclusion: string; violations: Violation[]; suppressedViolations?: Violation[] }[];
}

const readReport = (outdir: string): Report => JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as Report;

describe('cdk-nag AwsSolutions on all five stacks', () => {
  let report: Report;
  let synthError: unknown;
  beforeAll(() => {
    const made = makeApp(PROCEDURE_FILES.map((procedure) => ({ procedure })), { nag: true });
    try {
      made.synth();
    } catch (e) {
      synthError = e;
    }
    report = readReport(made.outdir);
  }, 120_000);
  afterAll(removeOutdirs);

  it('synthesizes: no finding without a reason', () => {
    const nag = report.pluginReports.find((p) => p.pluginName === 'AwsSolutions')!;
    const open = nag.violations.map((v) => `${v.ruleName} at ${v.violatingConstructs.map((c) => c.constructPath).join(', ')}`);
    expect(open).toEqual([]);
    expect(nag.conclusion).toBe('success');
    expect(synthError).toBeUndefined();
  });

  it('every acknowledgement carries a real reason', () => {
    const nag = report.pluginReports.find((p) => p.pluginName === 'AwsSolutions')!;
    const suppressed = nag.suppressedViolations ?? [];
    expect(suppressed.length).toBeGreaterThan(0);
    for (const v of suppressed) {
      expect(v.acknowledgedId, v.ruleName).toMatch(/^AwsSolutions::AwsSolutions-/);
      expect((v.reason ?? '').length, `${v.ruleName}: ${v.reason}`).toBeGreaterThan(80);
    }
    // Only these rules are accepted, each for the reason written in infra/stack/nag.ts.
    const rules = new Set(suppressed.map((v) => v.ruleName.replace(/\[.*$/, '')));
    expect([...rules].sort()).toEqual(['AwsSolutions-APIG4', 'AwsSolutions-IAM5', 'AwsSolutions-L1', 'AwsSolutions-S1', 'AwsSolutions-SMG4', 'AwsSolutions-SQS3']);
  });

  it('leaves no error annotations, and warns only where no alarm address is known', () => {
    const annotations = report.pluginReports.filter((p) => p.pluginName !== 'AwsSolutions');
    const all = annotations.flatMap((p) => p.violations);
    expect(all.filter((v) => v.severity === 'error')).toEqual([]);
    const warned = all
      .filter((v) => v.severity === 'warning')
      .flatMap((v) => {
        expect(v.description).toContain('alarmEmail');
        return v.violatingConstructs.map((c) => c.constructPath);
      })
      .sort();
    const withoutAdmin = PROCEDURE_FILES.map((f) => loadProcedureFile(f).procedure)
      .filter((p) => !p.organisation.adminEmail)
      .map((p) => p.id)
      .sort();
    expect(warned).toEqual(withoutAdmin);
  });

  it('also passes when the account and region are known (the CLI’s case: ARNs then name them)', () => {
    const made = makeApp([{ procedure: 'procedures/hss.yaml' }], { nag: true, env: { CDK_DEFAULT_ACCOUNT: '123456789012', CDK_DEFAULT_REGION: 'eu-west-1' } });
    expect(() => made.synth()).not.toThrow();
    expect(made.stacks[0]!.region).toBe('eu-west-1');
  }, 60_000);

  it('fails the synth on a finding nobody acknowledged', () => {
    const made = makeApp([{ procedure: 'procedures/hss.yaml', alarmEmail: 'ops@example.org' }], { nag: true });
    new s3.Bucket(new Stack(made.app, 'Careless'), 'Plain', { enforceSSL: false });
    expect(() => made.synth()).toThrow(/AwsSolutions-S1/);
    const nag = readReport(made.outdir).pluginReports.find((p) => p.pluginName === 'AwsSolutions')!;
    const open = nag.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.ruleName} ${c.constructPath}`));
    expect(open).toContain('AwsSolutions-S1 Careless/Plain/Resource');
    expect(open).toContain('AwsSolutions-S10 Careless/Plain/Resource');
    expect(open.filter((o) => !o.includes('Careless/'))).toEqual([]);
  }, 60_000);
});
