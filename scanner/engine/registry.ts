// Validates the explicit list of checks at start-up: zod shape, unique ids.
import { BUILT_IN_CHECKS } from '../../checks/index.ts';
import { CheckDefinitionError } from '../errors.ts';
import { formatZodIssues } from '../zod-messages.ts';
import { checkSchema, type CheckDefinition } from './define-check.ts';

let validated: CheckDefinition[] | null = null;

export function validateChecks(candidates: readonly unknown[]): CheckDefinition[] {
  const seen = new Set<string>();
  return candidates.map((candidate, index) => {
    const parsed = checkSchema.safeParse(candidate);
    const label = (candidate as { id?: string })?.id ?? `#${index + 1}`;
    if (!parsed.success) throw new CheckDefinitionError(`检查项 ${label} 定义有误：${formatZodIssues(parsed.error)}`);
    if (seen.has(parsed.data.id)) throw new CheckDefinitionError(`检查项编号重复：${parsed.data.id}`);
    seen.add(parsed.data.id);
    return parsed.data;
  });
}

export function builtInChecks(): CheckDefinition[] {
  validated ??= validateChecks(BUILT_IN_CHECKS);
  return validated;
}

export function findCheck(id: string): CheckDefinition | undefined {
  return builtInChecks().find((check) => check.id === id);
}
