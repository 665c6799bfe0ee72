// Test support: compares an answer key's expected findings with the reference reading, as readable differences.
import type { Finding } from './reference-checks.ts';

/** The identity of a finding for comparison; row-level faults are per file and line, the rest per person and household. */
export function findingKey(finding: Finding): string {
  const where = finding.file ? ` @${finding.file}:${finding.line}` : '';
  const rowLevel = ['data_quality.id-invalid', 'data_quality.bad-row', 'data_quality.id-legacy', 'data_quality.missing-field', 'data_quality.program-unknown'];
  return rowLevel.includes(finding.check_id) ? `${finding.check_id}${where}` : `${finding.check_id} ${finding.id_number} ${finding.household_id}`;
}

function counts(findings: Finding[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const finding of findings) map.set(findingKey(finding), (map.get(findingKey(finding)) ?? 0) + 1);
  return map;
}

/** Lines "missing: …" (in the key, not found) and "unexpected: …" (found, not in the key). */
export function differences(key: Finding[], found: Finding[]): string[] {
  const expected = counts(key);
  const actual = counts(found);
  const lines: string[] = [];
  for (const [name, count] of expected) if ((actual.get(name) ?? 0) < count) lines.push(`missing: ${name}`);
  for (const [name, count] of actual) if ((expected.get(name) ?? 0) < count) lines.push(`unexpected: ${name}`);
  const overpaid = new Map(key.filter((f) => f.overpayment_cents !== undefined).map((f) => [findingKey(f), f.overpayment_cents]));
  for (const finding of found) {
    if (finding.overpayment_cents === undefined || !overpaid.has(findingKey(finding))) continue;
    if (overpaid.get(findingKey(finding)) !== finding.overpayment_cents) {
      lines.push(`overpayment: ${findingKey(finding)} key ${overpaid.get(findingKey(finding))} found ${finding.overpayment_cents}`);
    }
  }
  return lines.sort();
}
