// The CLI runs from a one-file bundle (bin/compiled-cli.js): built when missing, rebuilt when a source changed, and
// answering exactly as the TypeScript run through tsx does.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledCli } from '../../bin/compiled-cli.js';
import { CLI } from '../support/run-cli.ts';

interface BuildRecord {
  root: string;
  startedAt: number;
  sources: string[];
}

let cache: string;
const bundle = () => join(cache, 'cli.mjs');
const recordFile = () => join(cache, 'cli.sources.json');
const readRecord = async (): Promise<BuildRecord> => JSON.parse(await readFile(recordFile(), 'utf8'));

beforeAll(async () => {
  cache = await mkdtemp(join(tmpdir(), 'rollsweep-bundle-'));
});
afterAll(async () => {
  await rm(cache, { recursive: true, force: true });
});

describe('building the bundle', () => {
  it('builds it on first use and records the project files it was made from', async () => {
    expect(await compiledCli(cache)).toBe(pathToFileURL(bundle()).href);
    const record = await readRecord();
    expect(record.sources).toEqual(expect.arrayContaining(['scanner/cli/main.ts', 'scanner/scan.ts', 'scanner/version.ts', 'checks/deceased/recipient.ts']));
    // Dependencies are stood for by npm's install record, not listed file by file.
    expect(record.sources.filter((source) => source.startsWith('node_modules/'))).toEqual(['node_modules/.package-lock.json']);
    expect(record.sources).toContain('package.json');
  }, 60_000);

  it('reuses an up-to-date bundle', async () => {
    const before = await stat(bundle());
    await compiledCli(cache);
    const after = await stat(bundle());
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
  }, 60_000);

  it('rebuilds when a source changed after the build started, or a source is gone', async () => {
    const record = await readRecord();
    // As if every source had been edited after the build: their mtimes are later than this start.
    await writeFile(recordFile(), JSON.stringify({ ...record, startedAt: 0 }));
    const staleInode = (await stat(bundle())).ino;
    await compiledCli(cache);
    expect((await stat(bundle())).ino).not.toBe(staleInode);
    expect((await readRecord()).startedAt).toBeGreaterThan(0);

    const rebuilt = await readRecord();
    await writeFile(recordFile(), JSON.stringify({ ...rebuilt, sources: [...rebuilt.sources, 'scanner/removed-since.ts'] }));
    const withGoneSource = (await stat(bundle())).ino;
    await compiledCli(cache);
    expect((await stat(bundle())).ino).not.toBe(withGoneSource);
    expect((await readRecord()).sources).not.toContain('scanner/removed-since.ts');
  }, 120_000);

  it('gives up quietly where it cannot write, so the shim runs the TypeScript instead', async () => {
    const notAFolder = join(cache, 'plain-file');
    await writeFile(notAFolder, '');
    expect(await compiledCli(join(notAFolder, 'cache'))).toBeUndefined();
  });
});

describe('the bundled CLI answers as the TypeScript does', () => {
  const run = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr });
      });
    });
  const fromSource = { ROLLSWEEP_FROM_SOURCE: '1' };

  it.each([[['--help']], [['--version']], [['checks']], [['scan', '--no-such-option']]])('rollsweep %j', async (args) => {
    const [bundled, source] = await Promise.all([run(args), run(args, fromSource)]);
    expect(bundled).toEqual(source);
    expect(bundled.stdout + bundled.stderr).not.toBe('');
  }, 120_000);

  it('finds files beside its modules (yargs messages in Chinese, the version from package.json)', async () => {
    const help = await run(['--help']);
    expect(help.stdout).toContain('命令：');
    expect(help.stdout).not.toContain('Commands:');
    const version = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')).version;
    expect((await run(['--version'])).stdout.trim()).toBe(version);
  }, 60_000);
});
