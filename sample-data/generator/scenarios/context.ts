// What a scenario may touch: the village being built, factories for people and households, the answer key.
import type { AnswerKey } from '../answer-key.ts';
import type { MonthIndex } from '../calendar.ts';
import type { Township, Village } from '../geography.ts';
import type { HouseholdFactory, HouseholdRequest } from '../households.ts';
import type { Household, Person, ReferenceRow } from '../model.ts';
import type { Style } from '../output/file-specs.ts';
import type { PeopleFactory } from '../people.ts';
import type { Standards } from '../programs.ts';
import type { Random } from '../random.ts';

export interface Cadre {
  person: Person;
  position: string;
  township: Township;
  village: Village | null;
  row: ReferenceRow;
  /** The cadre's spouse (not on any roll), for two-hop relations. */
  spouse: Person;
}

/** Everything generated for one village before it is written. */
export interface VillageWork {
  village: Village;
  households: Household[];
  references: ReferenceRow[];
  /** Serving cadres of this village (and, in a township's first village, the township's 经办人员). */
  cadres: Cadre[];
}

export interface ScenarioContext {
  readonly rng: Random;
  readonly style: Style;
  readonly period: MonthIndex;
  readonly standards: Standards;
  readonly work: VillageWork;
  readonly people: PeopleFactory;
  readonly householdFactory: HouseholdFactory;
  readonly key: AnswerKey;
  /** A household built for the scenario: claimed (no background rows), 在保, paid the whole year. */
  household(request: HouseholdRequest, village?: Village): Household;
  /** Adds a reference row to the village's output. */
  reference(row: ReferenceRow): ReferenceRow;
  /** Someone on no roll, from this village's county. */
  outsider(minAge?: number, maxAge?: number): Person;
  /** Runs in the next village, or right away in this one when it is the last. */
  defer(task: (next: ScenarioContext) => void): void;
  /** The next village (or this one). */
  readonly neighbour: Village;
}

export interface Scenario {
  readonly kind: string;
  /** Number of distinct variants; the sample runs each once. */
  readonly variants: number;
  /** Relative frequency in benchmark workloads. */
  readonly weight: number;
  run(context: ScenarioContext, variant: number): void;
}

/** A member of the household other than the head, for faults that must not touch the head's row. */
export function nonHead(household: Household, index = 1): Household['rows'][number] {
  const row = household.rows[index];
  if (!row) throw new Error(`household has no member ${index}`);
  return row;
}

/**
 * The rural 低保 roll a number typed into a cell lands on: the township's rural village (the village at work where the
 * township has none, whose households go to the CSV roll), and whether that roll is the messy style's workbook. Only
 * there is the cell a number cell; elsewhere it is written as Excel shows it (excelShows).
 */
export function ruralRoll(context: ScenarioContext): { village: Village; workbook: boolean } {
  const village = context.work.village.township.villages.find((candidate) => candidate.area === 'rural') ?? context.work.village;
  return { village, workbook: context.style === 'messy' && village.area === 'rural' };
}

/** What Excel shows for a long number in a General cell, and so writes into a CSV: 6.22848E+15. */
export function excelShows(value: number): string {
  return value.toExponential(5).toUpperCase();
}
