// Renders zod issues the way the CLI prints them: "message (at path)".
import type { z } from 'zod';

export function formatZodIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.message} (at ${issue.path.join('.')})` : issue.message))
    .join('; ');
}
