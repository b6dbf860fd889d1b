/**
 * The administrators' tool for procedure files:
 *
 *   npm run procedure -- check <file>
 *   npm run procedure -- simulate <file> --received YYYY-MM-DD [--json]
 *   npm run procedure -- diagram <file>
 *   npm run procedure -- publish <file> [--out dir] [--site url]
 *
 * Exit codes: 0 done, 1 the file is invalid (or the simulation failed), 2 bad arguments or an
 * unreadable file. The work is done by shared/procedure/{load,simulate,diagram}.ts.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { addDays, HOLIDAY_YEARS } from '../shared/calendar/index.ts';
import { rolesWithoutConflictRoute } from '../shared/engine/parties.ts';
import { procedureDiagram, procedureSummary } from '../shared/procedure-tools/diagram.ts';
import { formatProblem, InvalidProcedureError, parseProcedure } from '../shared/procedure/load.ts';
import type { Procedure } from '../shared/procedure/schema.ts';
import { stagesWithoutNextStep } from '../shared/presentation/next-step.ts';
import { formatSimulation, simulate, SimulationError } from '../shared/procedure-tools/simulate.ts';

export const USAGE =
  'usage: npm run procedure -- check <file> | simulate <file> --received YYYY-MM-DD [--json] | diagram <file> | publish <file> [--out dir] [--site url]';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const stdio: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

class UsageError extends Error {}

/** Runs the tool on its arguments (without `node script`) and returns the exit code (`publish`: later). */
export function main(argv: string[], io: Io = stdio): number | Promise<number> {
  try {
    if (argv[0] === 'publish') return publish(argv.slice(1), io).catch((e: unknown) => failure(e, io));
    return run(argv, io);
  } catch (e) {
    return failure(e, io);
  }
}

function failure(e: unknown, io: Io): number {
  if (e instanceof UsageError) {
    io.err(`${e.message}\n${USAGE}\n`);
    return 2;
  }
  if (e instanceof InvalidProcedureError) {
    io.err(e.problems.map(formatProblem).join('\n') + '\n');
    return 1;
  }
  if (e instanceof SimulationError) {
    io.err(`simulation failed: ${e.message}\n`);
    return 1;
  }
  throw e;
}

function run(argv: string[], io: Io): number {
  const [command, ...rest] = argv;
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (!a.startsWith('--')) positional.push(a);
    else if (a.includes('=')) options[a.slice(2, a.indexOf('='))] = a.slice(a.indexOf('=') + 1);
    else if (a === '--json') options.json = true;
    else if (a === '--received') {
      const value = rest[++i];
      if (value === undefined) throw new UsageError('--received needs a date (YYYY-MM-DD)');
      options.received = value;
    } else throw new UsageError(`unknown option ${a}`);
  }
  const allowed: Record<string, string[]> = { check: [], diagram: [], simulate: ['received', 'json'] };
  if (!command || !(command in allowed)) throw new UsageError(command ? `unknown command "${command}"` : 'no command');
  for (const k of Object.keys(options)) if (!allowed[command]!.includes(k)) throw new UsageError(`${command} takes no --${k}`);
  if (positional.length !== 1) throw new UsageError(`${command} takes one procedure file`);
  const file = positional[0]!;
  const procedure = load(file);

  if (command === 'check') {
    // Valid, but a complaint about everyone of such a role could only stay with them (Awb 9:7): a warning, not an error.
    const warnings = rolesWithoutConflictRoute(procedure).map(
      (role) => `waarschuwing: een klacht over ${role} kan nergens anders heen: geen andere fase heeft een behandelaar (voeg een route of een hogere fase toe)\n`,
    );
    // A decision letter must say where the complainant can go next (Awb 9:12); a file may still leave it out.
    for (const stage of stagesWithoutNextStep(procedure))
      warnings.push(`waarschuwing: fase "${stage}" noemt in haar beslissing geen volgende stap (Awb 9:12): voeg nextStep toe (body, contact, eventueel term; of final)\n`);
    io.out(`${file}: geldig\n${procedureSummary(procedure)}${warnings.join('')}`);
    return 0;
  }
  if (command === 'diagram') {
    io.out(procedureDiagram(procedure));
    return 0;
  }
  const received = receivedDate(options.received);
  const paths = simulate(procedure, received);
  io.out(options.json ? JSON.stringify(paths, null, 2) + '\n' : formatSimulation(procedure, received, paths));
  return 0;
}

async function publish(args: string[], io: Io): Promise<number> {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--out' || a === '--site') {
      const value = args[++i];
      if (value === undefined) throw new UsageError(`${a} needs a value`);
      options[a.slice(2)] = value;
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else positional.push(a);
  }
  if (positional.length !== 1) throw new UsageError('publish takes one procedure file');
  if (options.site !== undefined && !URL.canParse(options.site)) throw new UsageError(`--site: not an address: ${options.site}`);
  const procedure = load(positional[0]!);
  // Loaded here only: the PDF and diagram libraries would slow every other command's start.
  const { publishRegeling } = await import('./publish-regeling.ts');
  const written = await publishRegeling(procedure, options.out ?? '.', options.site);
  io.out(written.map((f) => `${f}\n`).join(''));
  return 0;
}

function load(file: string): Procedure {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseProcedure(text, file).procedure;
}

function receivedDate(value: string | true | undefined): string {
  if (typeof value !== 'string') throw new UsageError('simulate needs --received YYYY-MM-DD');
  let valid = /^\d{4}-\d{2}-\d{2}$/.test(value);
  try {
    valid &&= addDays(value, 0) === value;
  } catch {
    valid = false;
  }
  if (!valid) throw new UsageError(`--received: not a date (YYYY-MM-DD): ${value}`);
  // Terms can run a year or more past receipt; the holiday table must cover them.
  const year = Number(value.slice(0, 4));
  if (year < HOLIDAY_YEARS.from || year > HOLIDAY_YEARS.to - 2)
    throw new UsageError(`--received: choose a date from ${HOLIDAY_YEARS.from} to ${HOLIDAY_YEARS.to - 2} (the holiday table covers ${HOLIDAY_YEARS.from}–${HOLIDAY_YEARS.to})`);
  return value;
}

/** Run as a script (`tsx scripts/procedure.ts`), not when a test imports `main`. */
function invokedDirectly(): boolean {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (invokedDirectly()) void Promise.resolve(main(process.argv.slice(2))).then((code) => (process.exitCode = code));
