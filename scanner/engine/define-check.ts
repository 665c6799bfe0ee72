// defineCheck: the declarative shape of a check (checks.md), validated with zod when rollsweep starts.
import { z } from 'zod';
import { DATASET_NAMES } from '../datasets/catalog.ts';

export const CATEGORIES = ['deceased', 'imprisoned', 'over_asset', 'duplicate', 'cadre_relative', 'data_quality'] as const;
export const SEVERITIES = ['high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Columns every check's SELECT returns (dbt-style: only the failing subjects). */
export const REQUIRED_FINDING_COLUMNS = [
  'subject_id', 'subject_name', 'household_id', 'county', 'township', 'village', 'program', 'fact', 'evidence',
] as const;
/**
 * Columns a check may return; the engine fills NULL where it does not. `subject_key` replaces
 * subject_id in the finding id: household-level checks set it to '' so that the member shown
 * as subject (for the ledger's 姓名 column) does not decide the id. `compared_datasets` (comma-separated) names the
 * lists other than source_dataset the finding rests on: a later month without one of them keeps it open, unjudged.
 */
export const OPTIONAL_FINDING_COLUMNS = [
  'subject_key', 'overpayment_cents', 'source_dataset', 'source_file', 'source_line', 'compared_datasets',
] as const;

export const checkSchema = z
  .object({
    id: z.string().regex(/^[a-z_]+\.[a-z0-9]+(-[a-z0-9]+)*$/, 'id 应为「类别.短横线连接的名称」，如 data_quality.example-check'),
    category: z.enum(CATEGORIES),
    severity: z.enum(SEVERITIES),
    title: z.string().min(1),
    description: z.string().min(1),
    basis: z.string().min(1),
    inputs: z.array(z.enum(DATASET_NAMES)).min(1),
    /** Optional columns the check reads, as dataset.column: skipped with a reason when absent. */
    requiresColumns: z.array(z.string().regex(/^[a-z_]+\.[a-z_]+$/)).default([]),
    /** Config sections the check cannot run without (e.g. the 低保 standards). */
    requiresConfig: z.array(z.enum(['standards'])).default([]),
    sql: z.string().min(1),
    /**
     * Tables several checks read (e.g. the cadres' near relatives): each a SELECT over the scan's tables that may use
     * the check's $params, built once per scan as a temp table and rebuilt only when a later check binds other values.
     */
    prepare: z.array(z.object({ table: z.string().regex(/^shared_[a-z_]+$/), sql: z.string().min(1) }).strict()).default([]),
    remedy: z.string().min(1),
    deadlineDays: z.number().int().positive(),
    /**
     * The fact lists what the household holds (`<kind>|<holding>,<holding>…`, holdingsFact in checks/over_asset): a later
     * finding of the check for the same household, holding only what an earlier one listed, continues that finding
     * (scanner/ledger/continued-holdings.ts) instead of opening a new one beside a 自动销号.
     */
    factListsHoldings: z.boolean().default(false),
    /** zod schema of the thresholds read from config; each becomes the SQL parameter $name. */
    params: z.custom<z.ZodObject>((value) => value instanceof z.ZodObject, 'params 应为 zod 对象（z.object）').optional(),
  })
  .strict()
  .refine((check) => check.id.startsWith(`${check.category}.`), { message: 'id 应以其类别开头（如 deceased.example）', path: ['id'] });

export type CheckDefinition = z.infer<typeof checkSchema>;
export type CheckInput = z.input<typeof checkSchema>;

/** Identity at runtime; the registry validates every check with checkSchema at start-up. */
export function defineCheck<T extends CheckInput>(check: T): T {
  return check;
}
