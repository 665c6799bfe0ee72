// Renders zod issues the way the CLI prints them: "message（位置：path）", in Chinese as every message the tool prints.
import { z } from 'zod';

// zod's own messages (类型错误, 未知的键 …) in Chinese for every schema: config, sweep.json, custom checks. Until
// 2026-12-05 they were English inside a Chinese line ("Too small: expected string to have >=1 characters").
z.config(z.locales.zhCN());

export function formatZodIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.message}（位置：${issue.path.join('.')}）` : issue.message))
    .join('；');
}
