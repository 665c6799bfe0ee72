// The check registry: every check file registered under its own id, documented, tested, and runnable on empty tables.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_CHECKS } from '../../checks/index.ts';
import { DATASETS, type DatasetName } from '../../scanner/datasets/catalog.ts';
import { CATEGORIES, type CheckInput } from '../../scanner/engine/define-check.ts';
import { builtInChecks, validateChecks } from '../../scanner/engine/registry.ts';
import { CheckDefinitionError } from '../../scanner/errors.ts';
import { findingsFor, type Rows } from '../support/check-tester.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHECKS_DIR = join(ROOT, 'checks');
/** Files under checks/ that are not checks: the registry itself and shared SQL fragments. */
const NOT_CHECKS = new Set(['index.ts', 'shared-sql.ts']);

interface CheckFile {
  path: string;
  /** The id the file name says: '<category>.<file>' under checks/<category>/, '<file>' directly in checks/. */
  expectedId: string;
  category: string | null;
}

function checkFiles(): CheckFile[] {
  const files: CheckFile[] = [];
  for (const entry of readdirSync(CHECKS_DIR)) {
    const path = join(CHECKS_DIR, entry);
    if (statSync(path).isDirectory()) {
      for (const file of readdirSync(path).filter((f) => f.endsWith('.ts') && !NOT_CHECKS.has(f))) {
        files.push({ path: join(path, file), expectedId: `${entry}.${basename(file, '.ts')}`, category: entry });
      }
    } else if (entry.endsWith('.ts') && !NOT_CHECKS.has(entry)) {
      files.push({ path, expectedId: basename(entry, '.ts'), category: null });
    }
  }
  return files;
}

const FILES = checkFiles();

describe('check registry (checks/index.ts)', () => {
  it('finds the check files', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(11);
  });

  it.each(FILES.map((f) => [f.expectedId, f] as const))('%s: its file is registered under the id its name gives', async (_id, file) => {
    const module = (await import(pathToFileURL(file.path).href)) as { default?: CheckInput };
    expect(module.default, `${file.path} has no default export`).toBeDefined();
    expect(BUILT_IN_CHECKS, `${file.path} is not in checks/index.ts`).toContain(module.default);
    expect(module.default!.id).toBe(file.expectedId);
    if (file.category !== null) {
      expect(CATEGORIES as readonly string[]).toContain(file.category);
      expect(module.default!.category).toBe(file.category);
    }
  });

  it('registers nothing that has no file of its own', () => {
    expect(BUILT_IN_CHECKS.map((c) => c.id).sort()).toEqual(FILES.map((f) => f.expectedId).sort());
  });

  it('ids are unique', () => {
    const ids = BUILT_IN_CHECKS.map((c) => c.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('every check passes the start-up validation', () => {
    expect(builtInChecks().map((c) => c.id)).toEqual(BUILT_IN_CHECKS.map((c) => c.id));
  });

  it.each(BUILT_IN_CHECKS.map((c) => [c.id, c] as const))('%s: has a Chinese title, description, basis and remedy', (_id, check) => {
    for (const field of ['title', 'description', 'basis', 'remedy'] as const) {
      expect(check[field], `${check.id}.${field}`).toMatch(/\p{Script=Han}/u);
    }
  });

  it.each(BUILT_IN_CHECKS.map((c) => [c.id] as const))('%s: has tests/checks/<id>.test.ts', (id) => {
    expect(existsSync(join(ROOT, 'tests', 'checks', `${id}.test.ts`)), `tests/checks/${id}.test.ts`).toBe(true);
  });
});

describe('every check runs on empty normalised tables', () => {
  /** A row with every column present and blank: it lands as a non-data row, so the typed table is empty but has its columns. */
  const blankRow = (dataset: DatasetName) => Object.fromEntries(DATASETS.find((d) => d.name === dataset)!.columns.map((c) => [c.name, null]));
  const config = { standards: { default: { urban: 900, rural: 700 } } };

  it.each(builtInChecks().map((c) => [c.id, c] as const))('%s', async (_id, check) => {
    const rows: Rows = Object.fromEntries([...new Set<DatasetName>(['roll', ...check.inputs])].map((d) => [d, [blankRow(d)]]));
    expect(await findingsFor(check, rows, '2026-10', config)).toEqual([]);
  });
});

describe('validateChecks refuses bad definitions', () => {
  const good = {
    id: 'data_quality.example',
    category: 'data_quality',
    severity: 'low',
    title: '示例',
    description: '示例检查',
    basis: '《示例办法》',
    inputs: ['roll'],
    sql: 'SELECT 1',
    remedy: '更正',
    deadlineDays: 30,
  };

  it('accepts a good definition (so the refusals below are about the one thing changed)', () => {
    expect(validateChecks([good]).map((c) => c.id)).toEqual(['data_quality.example']);
  });

  it('a bad id', () => {
    expect(() => validateChecks([{ ...good, id: 'data_quality.Example_Check' }])).toThrow(CheckDefinitionError);
    expect(() => validateChecks([{ ...good, id: 'data_quality.Example_Check' }])).toThrow(/id 应为「类别\.短横线连接的名称」.*（位置：id）/);
  });

  it('a missing title', () => {
    const { title: _title, ...untitled } = good;
    expect(() => validateChecks([untitled])).toThrow(CheckDefinitionError);
    expect(() => validateChecks([untitled])).toThrow(/data_quality\.example.*无效输入：期望 string.*（位置：title）/);
  });

  it('an id not starting with its category', () => {
    expect(() => validateChecks([{ ...good, id: 'deceased.example' }])).toThrow(/id 应以其类别开头.*（位置：id）/);
  });

  it('a duplicate id', () => {
    expect(() => validateChecks([good, { ...good, title: '另一个' }])).toThrow(CheckDefinitionError);
    expect(() => validateChecks([good, { ...good, title: '另一个' }])).toThrow(/检查项编号重复：data_quality\.example/);
  });
});
