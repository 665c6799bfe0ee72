// What the spot-check sheet prints for each sampled household: its members on the period's roll.
import { LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';

export interface HouseholdMember {
  name: string | null;
  /** Full, as on the roll; mask before showing (mask-id.ts). */
  idNumber: string | null;
  relation: string | null;
  isHead: boolean;
  program: string | null;
  monthlyAmountCents: number | null;
  /** 在保 / 停保 / 退保 as on the roll. */
  status: string | null;
  active: boolean;
}

export interface HouseholdSummary {
  headName: string | null;
  /** The head's 救助类别, else the first one any member has. */
  program: string | null;
  /** 在保人数: members still receiving. */
  activeMembers: number;
}

/** Members of the given households in the run, head first, then in roll order. */
export async function loadHouseholdMembers(connection: DuckDBConnection, runId: string, householdIds: readonly string[]): Promise<Map<string, HouseholdMember[]>> {
  const reader = await connection.runAndReadAll(
    `SELECT household_id, name, id_number, relation, coalesce(is_head, false) AS is_head, program, monthly_amount_cents, status,
            coalesce(active, false) AS active
     FROM ledger.roll_members
     -- A semi-join: list_contains would compare every roll row with every id asked for (6,000 of them took 6 s).
     WHERE run_id = $run_id AND household_id IN (SELECT unnest($household_ids))
     ORDER BY household_id, is_head DESC, source_file, source_line`,
    { run_id: runId, household_ids: listValue([...householdIds]) },
    { run_id: VARCHAR, household_ids: LIST(VARCHAR) },
  );
  const members = new Map<string, HouseholdMember[]>();
  for (const row of reader.getRowObjectsJson()) {
    const householdId = String(row['household_id']);
    const list = members.get(householdId) ?? [];
    list.push({
      name: text(row['name']), idNumber: text(row['id_number']), relation: text(row['relation']), isHead: row['is_head'] === true,
      program: text(row['program']), monthlyAmountCents: row['monthly_amount_cents'] == null ? null : Number(row['monthly_amount_cents']),
      status: text(row['status']), active: row['active'] === true,
    });
    members.set(householdId, list);
  }
  return members;
}

export function summariseHousehold(members: readonly HouseholdMember[]): HouseholdSummary {
  const head = members.find((member) => member.isHead);
  return {
    headName: head?.name ?? null,
    program: head?.program ?? members.find((member) => member.program !== null)?.program ?? null,
    activeMembers: members.filter((member) => member.active).length,
  };
}

function text(value: unknown): string | null {
  return value == null ? null : String(value);
}
