import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, InvalidProcedureError, loadProcedureFile, parseProcedure } from '../../shared/procedure/load.ts';
import { PROCEDURE_IDS, procedurePath } from '../support/engine-harness.ts';

/** A small valid procedure; the comments give the line numbers the tests rely on. */
const BASE = [
  'id: proef', //                        1
  'organisation:', //                    2
  '  name: Proef', //                    3
  '  email: klachten@proef.nl', //       4
  'roles:', //                           5
  '  directie:', //                      6
  '    name: Directie', //               7
  'intake:', //                          8
  '  channels: [web]', //                9
  '  anonymous: true', //               10
  '  fields:', //                       11
  '    - { key: email }', //            12
  '    - { key: description }', //      13
  'stages:', //                         14
  '  - id: behandeling', //             15
  '    name: Behandeling', //           16
  '    handler: directie', //           17
  '    terms:', //                      18
  '      - id: antwoord', //            19
  '        label: Antwoord', //         20
  '        length: 6 weeks', //         21
  '        from: received', //          22
  '        metBy: [decided]', //        23
  'extension:', //                      24
  '  max: 4 weeks', //                  25
  'retention:', //                      26
  '  afterClose: 2 years', //           27
];
const base = () => [...BASE];
const text = (lines: string[]) => lines.join('\n') + '\n';

/** Each line as `file:line: path: message`. */
function problems(lines: string[], file = 'proef.yaml'): string[] {
  try {
    parseProcedure(text(lines), file);
  } catch (e) {
    if (e instanceof InvalidProcedureError) {
      // The error's own message lists the same lines.
      expect(e.message).toBe(`invalid procedure file:\n${e.problems.map(formatProblem).join('\n')}`);
      return e.problems.map(formatProblem);
    }
    throw e;
  }
  throw new Error('the procedure was accepted');
}

const set = (lines: string[], line: number, value: string) => {
  lines[line - 1] = value;
  return lines;
};
const insertAfter = (lines: string[], line: number, ...value: string[]) => {
  lines.splice(line, 0, ...value);
  return lines;
};

describe('procedure file problems name their line and path', () => {
  it('the base file is valid', () => {
    const { procedure } = parseProcedure(text(base()), 'proef.yaml');
    expect(procedure.stages[0]!.terms[0]!.length).toEqual({ amount: 6, unit: 'weeks' });
    expect(procedure.calendar).toEqual({ holidays: 'termijnenwet', closingDays: [], rollForward: true });
  });

  it('YAML syntax errors', () => {
    expect(problems(set(base(), 7, '\tname: Directie'))).toEqual(['proef.yaml:7: (file): Tabs are not allowed as indentation']);
    expect(problems(set(base(), 16, '    name: Behandeling: directie'))).toEqual([
      'proef.yaml:16: (file): Nested mappings are not allowed in compact mappings',
    ]);
    // An unclosed bracket or quote is reported where the parser notices it: the next line, or the end.
    expect(problems(set(base(), 9, '  channels: [web'))[0]).toBe(
      'proef.yaml:10: (file): Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
    expect(problems(set(base(), 16, '    name: "Behandeling'))).toEqual(['proef.yaml:28: (file): Missing closing "quote']);
  });

  it('a duplicate key is a syntax error at the second key', () => {
    expect(problems(insertAfter(base(), 3, '  name: Nog eens'))).toEqual(['proef.yaml:4: (file): Map keys must be unique']);
  });

  it('an unknown key: the line of the key itself, not of its parent', () => {
    expect(problems(insertAfter(base(), 17, '    colour: red'))).toEqual(['proef.yaml:18: stages.0: unknown key "colour"']);
    // A misspelt key deep in a term, and two unknown keys in one map.
    expect(problems(set(base(), 23, '        metby: [decided]'))).toEqual([
      // A required key that is missing has no line of its own: its map's first line.
      'proef.yaml:19: stages.0.terms.0.metBy: required (array)',
      'proef.yaml:23: stages.0.terms.0: unknown key "metby"',
    ]);
    expect(problems(insertAfter(base(), 4, '  fax: 123', '  telex: 456'))).toEqual([
      'proef.yaml:5: organisation: unknown keys "fax", "telex"',
    ]);
  });

  it('a value of the wrong type', () => {
    expect(problems(set(base(), 10, '  anonymous: sometimes'))).toEqual(['proef.yaml:10: intake.anonymous: expected boolean']);
    expect(problems(set(base(), 9, '  channels: web'))).toEqual(['proef.yaml:9: intake.channels: expected array']);
    // A localised text that is neither a string nor {nl, en}.
    expect(problems(set(base(), 20, '        label: [Antwoord]'))).toEqual([
      'proef.yaml:20: stages.0.terms.0.label: expected string or object',
    ]);
  });

  it('a missing required value', () => {
    const lines = base();
    lines.splice(9, 1); // intake.anonymous
    expect(problems(lines)).toEqual(['proef.yaml:9: intake.anonymous: required (boolean)']);
  });

  it('a bad enum value', () => {
    expect(problems(set(base(), 22, '        from: yesterday'))).toEqual([
      'proef.yaml:22: stages.0.terms.0.from: must be one of "received", "acknowledged", "stageStarted", "responseRequested", "decisionSent"',
    ]);
    expect(problems(set(base(), 9, '  channels: [web, fax]'))).toEqual([
      'proef.yaml:9: intake.channels.1: must be one of "web", "email", "phone", "in-person", "letter"',
    ]);
  });

  it('a bad unit in a duration written out: the line and path of the unit', () => {
    const lines = set(base(), 21, '        length:');
    insertAfter(lines, 21, '          amount: 2', '          unit: fortnights');
    expect(problems(lines)).toEqual([
      'proef.yaml:23: stages.0.terms.0.length.unit: must be one of "days", "weeks", "months", "years", "workingDays"',
    ]);
  });

  it('a bad duration shorthand', () => {
    const message = 'write a term as "<number> <unit>", unit one of days, weeks, months, years, workingDays';
    expect(problems(set(base(), 21, '        length: 6 wks'))).toEqual([`proef.yaml:21: stages.0.terms.0.length: ${message}`]);
    expect(problems(set(base(), 21, '        length: six weeks'))).toEqual([`proef.yaml:21: stages.0.terms.0.length: ${message}`]);
    expect(problems(set(base(), 25, '  max: 4 fortnights'))).toEqual([`proef.yaml:25: extension.max: ${message}`]);
    // Zero is no term.
    expect(problems(set(base(), 21, '        length: { amount: 0, unit: weeks }'))).toEqual([
      'proef.yaml:21: stages.0.terms.0.length.amount: Too small: expected number to be >0',
    ]);
  });

  it('a handler that is not a role', () => {
    expect(problems(set(base(), 17, '    handler: bestuur'))).toEqual([
      'proef.yaml:17: stages.0.handler: no role "bestuur" (roles: directie)',
    ]);
  });

  it('references to a missing stage', () => {
    const lines = insertAfter(base(), 23, '        onExpiry:', '          - { do: escalate, to: bestuur }');
    insertAfter(lines, 17, '    escalateTo: [commissie]');
    expect(problems(lines)).toEqual([
      'proef.yaml:18: stages.0.escalateTo: no stage "commissie"',
      'proef.yaml:26: stages.0.terms.0.onExpiry.0.to: no stage "bestuur"',
    ]);
  });

  it('a missing text key', () => {
    const lines = insertAfter(base(), 23, '        onExpiry:', '          - { do: notify-complainant, text: vertraging }');
    const [problem, ...rest] = problems(lines);
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^proef\.yaml:25: stages\.0\.terms\.0\.onExpiry\.0\.text: no text "vertraging" \(texts: receipt\.subject, .*delay\.body, /);
  });

  it('a missing next body', () => {
    expect(problems(insertAfter(base(), 17, '    nextBody: geschillencommissie'))).toEqual([
      'proef.yaml:18: stages.0.nextBody: no next body "geschillencommissie"',
    ]);
  });

  it('an appeal to a missing stage, and an advice stage without advisesTo', () => {
    const lines = insertAfter(base(), 17, '    kind: advice', '    appeal:', '      to: hogerop', '      window: 6 weeks', '      label: Hoger beroep');
    expect(problems(lines)).toEqual([
      'proef.yaml:15: stages.0.advisesTo: an advice stage names the stage that decides after its advice',
      'proef.yaml:20: stages.0.appeal.to: no stage "hogerop"',
    ]);
  });

  it('an intake window without a required event date', () => {
    const lines = insertAfter(base(), 13, '  window:', '    length: 3 months', '    late: refuse');
    // A problem with a whole map is reported at the map's first line.
    expect(problems(lines)).toEqual(['proef.yaml:15: intake.window: an intake window needs a required "eventDate" field']);
  });

  it('several problems at once are all listed', () => {
    const lines = base();
    set(lines, 10, '  anonymous: 3');
    set(lines, 21, '        length: 6 wks');
    set(lines, 22, '        from: yesterday');
    insertAfter(lines, 17, '    colour: red');
    expect(problems(lines).sort()).toEqual([
      'proef.yaml:10: intake.anonymous: expected boolean',
      'proef.yaml:18: stages.0: unknown key "colour"',
      'proef.yaml:22: stages.0.terms.0.length: write a term as "<number> <unit>", unit one of days, weeks, months, years, workingDays',
      'proef.yaml:23: stages.0.terms.0.from: must be one of "received", "acknowledged", "stageStarted", "responseRequested", "decisionSent"',
    ]);
  });

  it('several reference problems at once are all listed (once the structure is valid)', () => {
    const lines = base();
    set(lines, 17, '    handler: bestuur');
    insertAfter(lines, 17, '    nextBody: nergens', '    escalateTo: [hogerop]');
    expect(problems(lines)).toEqual([
      'proef.yaml:17: stages.0.handler: no role "bestuur" (roles: directie)',
      'proef.yaml:19: stages.0.escalateTo: no stage "hogerop"',
      'proef.yaml:18: stages.0.nextBody: no next body "nergens"',
    ]);
  });

  it('the file name given is the one reported', () => {
    expect(() => parseProcedure(text(set(base(), 10, '  anonymous: 3')), 'procedures/x.yaml')).toThrow(
      'procedures/x.yaml:10: intake.anonymous: expected boolean',
    );
  });
});

describe('the five procedure files', () => {
  it.each(PROCEDURE_IDS)('%s parses, and its id is its file name', (id) => {
    const { procedure, hash } = loadProcedureFile(procedurePath(id));
    expect(procedure.id).toBe(id);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the hash is stable, and changes when the file changes (even in a comment)', () => {
    const raw = readFileSync(procedurePath('hss'), 'utf8');
    const a = parseProcedure(raw, 'hss.yaml').hash;
    expect(parseProcedure(raw, 'elders.yaml').hash).toBe(a);
    expect(loadProcedureFile(procedurePath('hss')).hash).toBe(a);
    expect(parseProcedure(raw + '# nog een opmerking\n', 'hss.yaml').hash).not.toBe(a);
    expect(parseProcedure(raw.replace('length: 6 weeks', 'length: 7 weeks'), 'hss.yaml').hash).not.toBe(a);
  });
});
