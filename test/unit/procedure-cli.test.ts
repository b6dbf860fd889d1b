import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/procedure.ts';
import { procedureDiagram, stateId } from '../../shared/procedure-tools/diagram.ts';
import { loadProcedureFile } from '../../shared/procedure/load.ts';
import { formatSimulation, simulate, type SimPath } from '../../shared/procedure-tools/simulate.ts';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const FILES = ['ben-in-de-buurt', 'bureau-mhr', 'buro-leerlingenhulp', 'hss', 'perspectief-herstelbemiddeling'].map((id) =>
  join('procedures', `${id}.yaml`),
);
const load = (id: string) => loadProcedureFile(join(ROOT, 'procedures', `${id}.yaml`)).procedure;

/** Runs the tool in-process, capturing what it writes. */
function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = main(argv, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** Runs the tool as administrators do, in a child process (slow: used twice, each given a minute on a busy machine). */
async function spawn(...argv: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/procedure.ts', ...argv], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

function brokenFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'procedure-cli-'));
  const file = join(dir, 'broken.yaml');
  const text = readFileSync(join(ROOT, 'procedures', 'hss.yaml'), 'utf8')
    .replace('  anonymous: true', '  anonymous: maybe')
    .replace('length: 7 workingDays', 'length: 7 fortnights')
    .replace('    handler: directie', '    handler: bestuur');
  writeFileSync(file, text);
  return file;
}

const step = (path: SimPath, stage: string, term: string) => {
  const found = path.steps.filter((s) => s.stage === stage && s.term === term);
  expect(found, `${path.title}: one ${stage}.${term}`).toHaveLength(1);
  return found[0]!;
};

describe('procedure check', () => {
  it.each(FILES)('accepts %s and summarises it', (file) => {
    const r = cli('check', join(ROOT, file));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('geldig');
    expect(r.stdout).toMatch(/^Organisatie: /m);
    expect(r.stdout).toMatch(/^Intake: kanalen .* · anoniem: (ja|nee)$/m);
    expect(r.stdout).toMatch(/^Bewaren: /m);
    expect(r.stdout).toMatch(/^Rapportages \(\d+\)/m);
  });

  it('lists stages with handlers, terms with their length, and marks legal defaults', () => {
    const hss = cli('check', join(ROOT, 'procedures/hss.yaml')).stdout;
    expect(hss).toContain('1. directie: de directie · behandeling · behandelaar Directie (directie, 1 lid)');
    expect(hss).toMatch(/termijn bevestiging: .* · 7 werkdagen na ontvangst · .* · Klachtenprocedure 3\.2$/m);
    expect(hss).toMatch(/termijn standpunt: .* · 6 weken na ontvangst · .*Klachtenprocedure 3\.3$/m);
    expect(hss).toContain('Bewaren: 2 jaar na afsluiting · AVG art. 5 (niet langer dan nodig) (wettelijke standaard)');
    expect(hss).toContain('anoniem: ja');
    expect(hss).toContain('termijn: geen');
    const blh = cli('check', join(ROOT, 'procedures/buro-leerlingenhulp.yaml')).stdout;
    expect(blh).toContain('anoniem: nee');
    expect(blh).toContain('termijn: 8 dagen na de gebeurtenis · te laat: ter beoordeling');
    const mhr = cli('check', join(ROOT, 'procedures/bureau-mhr.yaml')).stdout;
    expect(mhr).toMatch(/termijn bemiddeling: .* 6 weken na ontvangst .*Awb 9:11 lid 1 \(wettelijke standaard\)$/m);
    expect(mhr).toContain('te laat: geweigerd');
    expect(mhr).toContain('route: klachtOver = directie → start in bestuur');
    expect(mhr).toContain('bij verstrijken: naar bestuur');
  });

  it('warns when a handler role has nobody to pass a complaint about itself to', () => {
    expect(cli('check', join(ROOT, 'procedures/hss.yaml')).stdout).toMatch(/^waarschuwing: een klacht over directie kan nergens anders heen/m);
    expect(cli('check', join(ROOT, 'procedures/bureau-mhr.yaml')).stdout).not.toContain('waarschuwing');
  });

  it('warns when a decision point names no next step (Awb 9:12); the five procedures name one everywhere', () => {
    for (const file of FILES) expect(cli('check', file).stdout).not.toContain('volgende stap');
    const dir = mkdtempSync(join(tmpdir(), 'procedure-cli-'));
    const file = join(dir, 'zonder-volgende-stap.yaml');
    writeFileSync(file, readFileSync(join(ROOT, 'procedures/hss.yaml'), 'utf8').replace(/\n    nextStep:\n(      .*\n)+/, '\n'));
    const r = cli('check', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^waarschuwing: fase "directie" noemt in haar beslissing geen volgende stap/m);
  });

  it('lists every problem of a broken file as file:line: path: message', () => {
    const file = brokenFile();
    const r = cli('check', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    for (const l of lines) expect(l).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: \\S+: .+$`));
    expect(lines.some((l) => /:\d+: intake\.anonymous: /.test(l))).toBe(true);
    expect(lines.some((l) => /:\d+: stages\.0\.terms\.0\.length: /.test(l))).toBe(true);
  });

  it('exits 2 with the usage line on bad arguments or an unreadable file', () => {
    for (const argv of [[], ['frobnicate', 'x.yaml'], ['check'], ['check', 'a.yaml', 'b.yaml'], ['check', '--json', 'procedures/hss.yaml']]) {
      const r = cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^usage: npm run procedure -- check <file>/m);
    }
    const missing = cli('check', join(ROOT, 'procedures', 'no-such-file.yaml'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
    for (const argv of [
      ['simulate', 'procedures/hss.yaml'],
      ['simulate', 'procedures/hss.yaml', '--received'],
      ['simulate', 'procedures/hss.yaml', '--received', '2025-02-30'],
      ['simulate', 'procedures/hss.yaml', '--received', '12-12-2025'],
      ['simulate', 'procedures/hss.yaml', '--received', '1999-01-01'],
    ])
      expect(cli(...argv).code, argv.join(' ')).toBe(2);
  });

  it('works as a child process: exit 0 on a good file, exit 1 with the problems on stderr on a broken one', { timeout: 60_000 }, async () => {
    const [good, bad] = await Promise.all([spawn('check', 'procedures/hss.yaml'), spawn('check', brokenFile())]);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('procedures/hss.yaml: geldig');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/broken\.yaml:\d+: intake\.anonymous: expected boolean/);
  });
});

describe('procedure simulate', () => {
  it('hss, received Friday 12 December 2025: confirmation within 7 working days, position 6 weeks after receipt', () => {
    const paths = simulate(load('hss'), '2025-12-12');
    expect(paths.map((p) => p.title)).toEqual(['Hoofdroute']);
    const [main] = paths;
    // Working days after Fri 12 Dec: Mon 15, 16, 17, 18, Fri 19, Mon 22, Tue 23 Dec (the 7th): before Christmas.
    expect(step(main!, 'directie', 'bevestiging')).toMatchObject({ date: '2025-12-23', basis: 'Klachtenprocedure 3.2', default: false, result: 'voldaan: ontvangst bevestigd' });
    expect(step(main!, 'directie', 'bevestiging').movedFrom).toBeUndefined();
    // 12 Dec + 6 weeks = Fri 23 Jan 2026, a working day: nothing to roll forward.
    const standpunt = step(main!, 'directie', 'standpunt');
    expect(standpunt).toMatchObject({ date: '2026-01-23', label: 'Gemotiveerd standpunt', result: 'voldaan: besluit gegrond' });
    expect(standpunt.movedFrom).toBeUndefined();
    expect(main!.end).toMatchObject({ date: '2026-01-23', status: 'closed' });
  });

  it('hss over Christmas and New Year: 25 and 26 Dec, 1 Jan, 2 Jan (by decree) and weekends are not working days', () => {
    const [main] = simulate(load('hss'), '2025-12-19');
    // After Fri 19 Dec: Mon 22 (1), 23 (2), 24 (3), [25, 26 Kerstdagen, 27-28 weekend], 29 (4), 30 (5), 31 (6), [1 Jan, 2 Jan by decree, weekend], Mon 5 Jan (7).
    expect(step(main!, 'directie', 'bevestiging').date).toBe('2026-01-05');
    expect(step(main!, 'directie', 'standpunt').date).toBe('2026-01-30');
  });

  it('shows the roll-forward when a term ends on a holiday', () => {
    const p = load('hss');
    const paths = simulate(p, '2025-11-14');
    // 14 Nov + 6 weeks = Fri 26 Dec (Tweede Kerstdag), then the weekend: Monday 29 Dec.
    expect(step(paths[0]!, 'directie', 'standpunt')).toMatchObject({
      date: '2025-12-29',
      movedFrom: '2025-12-26',
      skipped: [
        { date: '2025-12-26', reason: 'Tweede Kerstdag' },
        { date: '2025-12-27', reason: 'zaterdag' },
        { date: '2025-12-28', reason: 'zondag' },
      ],
    });
    const text = formatSimulation(p, '2025-11-14', paths);
    expect(text).toMatch(/^ {2}2025-12-29 {2}directie {2}standpunt +Gemotiveerd standpunt · Klachtenprocedure 3\.3 · verschoven van 2025-12-26: Tweede Kerstdag, zaterdag, zondag · voldaan/m);
    expect(text).toMatch(/^ {2}2025-11-25 {2}directie {2}bevestiging /m);
  });

  it('bureau-mhr: the directie → bestuur escalation when the answer term passes, with its dates', () => {
    const paths = simulate(load('bureau-mhr'), '2025-12-12');
    const main = paths[0]!;
    expect(main.title).toBe('Hoofdroute');
    // Mediation: 6 weeks after receipt (a legal default), then the 2-week window to go to the directie passes.
    expect(step(main, 'bemiddeling', 'bemiddeling')).toMatchObject({ date: '2026-01-23', default: true, basis: 'Awb 9:11 lid 1' });
    expect(step(main, 'bemiddeling', 'appeal')).toMatchObject({ date: '2026-02-06', result: 'ongebruikt verstreken' });
    expect(main.end).toMatchObject({ date: '2026-02-07', status: 'closed', reason: 'beroepstermijn ongebruikt verstreken' });

    const esc = paths.find((p) => p.title.endsWith("directie (beroep van de klager) → bestuur (termijn 'antwoord' verstreken)"));
    expect(esc, paths.map((p) => p.title).join('\n')).toBeDefined();
    expect(esc!.kind).toBe('escalation');
    expect(esc!.transitions.map(({ from, to, kind, date }) => ({ from, to, kind, date }))).toEqual([
      { from: 'bemiddeling', to: 'directie', kind: 'appeal', date: '2026-02-06' },
      { from: 'directie', to: 'bestuur', kind: 'expiry', date: '2026-02-21' },
    ]);
    expect(step(esc!, 'bemiddeling', 'appeal').result).toBe('gebruikt: beroep ingesteld');
    // Appeal on the window's last day, Fri 6 Feb; the directie's 2 weeks end Fri 20 Feb and pass unmet.
    expect(step(esc!, 'directie', 'antwoord')).toMatchObject({ date: '2026-02-20', result: 'verstreken' });
    // The bestuur starts on Sat 21 Feb: 2 weeks end Sat 7 Mar, rolled forward to Monday 9 March.
    expect(step(esc!, 'bestuur', 'antwoord')).toMatchObject({
      date: '2026-03-09',
      movedFrom: '2026-03-07',
      skipped: [
        { date: '2026-03-07', reason: 'zaterdag' },
        { date: '2026-03-08', reason: 'zondag' },
      ],
      result: 'voldaan: besluit gegrond',
    });
    expect(esc!.end).toMatchObject({ date: '2026-03-09', status: 'closed' });
  });

  it('bureau-mhr: staff escalation, advice and every intake route get a path; no stage is forked into twice', () => {
    const paths = simulate(load('bureau-mhr'), '2025-12-12');
    const titles = paths.map((p) => p.title);
    expect(titles).toContain('Escalatie: bemiddeling → directie (doorgezet door een medewerker)');
    const staff = paths.find((p) => p.title === 'Escalatie: bemiddeling → directie (doorgezet door een medewerker)')!;
    // Escalated on the day of receipt: the mediation term lapses; the directie's 2 weeks end Fri 26 Dec (Tweede Kerstdag) → Mon 29 Dec.
    expect(staff.transitions[0]).toMatchObject({ date: '2025-12-12', kind: 'staff' });
    expect(step(staff, 'bemiddeling', 'bemiddeling').result).toBe('vervallen: doorgezet op 2025-12-12');
    expect(step(staff, 'directie', 'antwoord')).toMatchObject({ date: '2025-12-29', movedFrom: '2025-12-26' });

    const route = paths.filter((p) => p.kind === 'route');
    expect(route.map((p) => p.route)).toEqual([
      { field: 'klachtOver', value: 'directie', stage: 'bestuur' },
      { field: 'klachtOver', value: 'commissie', stage: 'commissie' },
    ]);
    expect(route[0]!.start).toBe('bestuur');
    const committee = route[1]!;
    expect(committee.title).toBe('Route klachtOver = commissie: commissie → bestuur (advies)');
    // 30 days from 12 Dec = Sun 11 Jan → Mon 12 Jan; the bestuur then has 2 weeks: Mon 26 Jan.
    expect(step(committee, 'commissie', 'uitspraak')).toMatchObject({ date: '2026-01-12', result: 'voldaan: advies gegrond' });
    expect(step(committee, 'bestuur', 'antwoord').date).toBe('2026-01-26');

    for (const p of paths) {
      expect(p.end.status, p.title).toBe('closed');
      const forked = p.transitions.filter((t) => t.kind !== 'advice').map((t) => t.to);
      expect(new Set(forked).size, p.title).toBe(forked.length);
    }
    // Each transition (from, to, how) is explored once.
    const keys = paths.flatMap((p) => p.transitions.map((t) => `${t.from}>${t.to}:${t.kind}:${t.term ?? ''}`));
    for (const k of ['bemiddeling>directie:appeal:', 'bemiddeling>directie:staff:', 'directie>bestuur:expiry:antwoord', 'directie>bestuur:staff:', 'directie>commissie:staff:', 'bestuur>commissie:staff:', 'commissie>bestuur:advice:'])
      expect(keys, k).toContain(k);
  });

  it('runs every procedure to the end, deterministically', () => {
    for (const file of FILES) {
      const id = file.replace(/^procedures\/|\.yaml$/g, '');
      const p = load(id);
      const a = simulate(p, '2026-03-27');
      expect(JSON.stringify(simulate(p, '2026-03-27'))).toBe(JSON.stringify(a));
      expect(a[0]!.title).toBe('Hoofdroute');
      for (const path of a) {
        expect(path.end.status, `${id}: ${path.title}`).toBe('closed');
        for (const s of path.steps) expect(s.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
    // Perspectief: the committee advises, the director decides.
    const persp = simulate(load('perspectief-herstelbemiddeling'), '2025-12-12');
    expect(persp.map((p) => p.title)).toEqual([
      'Hoofdroute',
      'Escalatie: directeur → klachtencommissie (beroep van de klager) → directeur-besluit (advies)',
    ]);
    expect(step(persp[0]!, 'directeur', 'oplossing')).toMatchObject({ date: '2026-01-23', default: true });
  });

  it('prints text blocks with headings, and the same as JSON with --json', () => {
    const text = cli('simulate', join(ROOT, 'procedures/bureau-mhr.yaml'), '--received', '2025-12-12');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Hoofdroute$/m);
    expect(text.stdout).toMatch(/^Escalatie: bemiddeling → directie \(beroep van de klager\) → bestuur \(termijn 'antwoord' verstreken\)$/m);
    expect(text.stdout).toMatch(/^ {2}2026-02-21 {2}→ bestuur: termijn 'antwoord' verstreken$/m);
    expect(text.stdout).toMatch(/^ {2}2026-03-09 {2}bestuur {6}antwoord {5}Antwoord van het bestuur · Klachtenprocedure, procedure · verschoven van 2026-03-07: zaterdag, zondag · voldaan: besluit gegrond$/m);
    expect(text.stdout).toMatch(/^ {2}2026-01-23 {2}bemiddeling {2}bemiddeling {2}Afronding bemiddeling · Awb 9:11 lid 1, wettelijke standaard · /m);

    const json = cli('simulate', join(ROOT, 'procedures/hss.yaml'), '--received=2025-11-14', '--json');
    expect(json.code).toBe(0);
    const paths = JSON.parse(json.stdout) as SimPath[];
    expect(Array.isArray(paths)).toBe(true);
    expect(paths[0]!.steps[1]).toMatchObject({
      date: '2025-12-29',
      stage: 'directie',
      term: 'standpunt',
      label: 'Gemotiveerd standpunt',
      basis: 'Klachtenprocedure 3.3',
      default: false,
      movedFrom: '2025-12-26',
    });
  });

  it('names terms no path starts (a response term runs only after a request)', () => {
    const p = load('ben-in-de-buurt');
    const text = formatSimulation(p, '2025-12-12', simulate(p, '2025-12-12'));
    expect(text).toContain('manager.reactie-betrokkene: loopt vanaf een verzoek om reactie');
  });
});

describe('procedure diagram', () => {
  it.each(FILES)('%s: a Mermaid state diagram with every stage reachable and a way out of each', (file) => {
    const p = loadProcedureFile(join(ROOT, file)).procedure;
    const d = procedureDiagram(p);
    expect(d.split('\n')[0]).toBe('stateDiagram-v2');
    const edges = d
      .split('\n')
      .map((l) => /^ {4}(\S+) --> (\S+)(?: : (.+))?$/.exec(l))
      .filter((m): m is RegExpExecArray => !!m);
    for (const [, from, to, label] of edges) {
      expect(from).toMatch(/^(\[\*\]|[A-Za-z][A-Za-z0-9_]*)$/);
      expect(to).toMatch(/^(\[\*\]|[A-Za-z][A-Za-z0-9_]*)$/);
      if (label) expect(label).not.toMatch(/[:;#{}"]/);
    }
    expect(edges.some(([, from, to]) => from === '[*]' && to === stateId(p.stages[0]!.id))).toBe(true);
    for (const s of p.stages) {
      expect(d).toContain(`state "${s.name.nl.charAt(0).toUpperCase()}${s.name.nl.slice(1)}" as ${stateId(s.id)}`);
      expect(edges.some(([, from]) => from === stateId(s.id)), `out of ${s.id}`).toBe(true);
      expect(edges.some(([, , to]) => to === stateId(s.id)), `into ${s.id}`).toBe(true);
      expect(edges.some(([, from, to, label]) => from === stateId(s.id) && to === 'ingetrokken' && label === 'intrekking')).toBe(true);
    }
    expect(d).toContain('    afgesloten --> [*]');
  });

  it('bureau-mhr: routes, expiry escalation, staff escalation, appeal window, advice and decisions', { timeout: 60_000 }, async () => {
    const d = procedureDiagram(load('bureau-mhr'));
    for (const line of [
      '[*] --> s_bemiddeling',
      '[*] --> s_bestuur : route klachtOver = directie',
      '[*] --> s_commissie : route klachtOver = commissie',
      's_bemiddeling --> d_bemiddeling : besluit (opgelost, niet-opgelost)',
      'd_bemiddeling --> s_directie : beroep binnen 2 weken',
      'd_bemiddeling --> afgesloten : beroepstermijn (2 weken) verstreken',
      's_directie --> s_bestuur : termijn antwoord (2 weken) verstreken / doorgezet door medewerker',
      's_directie --> s_commissie : doorgezet door medewerker',
      's_commissie --> s_bestuur : advies',
      's_bestuur --> afgesloten : besluit (gegrond, deels-gegrond, ongegrond, niet-ontvankelijk)',
    ])
      expect(d).toContain(`    ${line}\n`);

    const r = await spawn('diagram', 'procedures/perspectief-herstelbemiddeling.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('stateDiagram-v2');
    expect(r.stdout).toContain('state "Het besluit van de directeur" as s_directeur_besluit');
    expect(r.stdout).toContain('s_klachtencommissie --> s_directeur_besluit : advies');
  });
});
