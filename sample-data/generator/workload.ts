// generateWorkload: builds the township/county village by village and streams every dataset to files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AnswerKey } from './answer-key.ts';
import { addHouseholdBackground, countyFiller } from './background.ts';
import type { FillerStream } from './background.ts';
import { createRoster } from './cadres.ts';
import { formatMonth, parseMonth } from './calendar.ts';
import { pickGeography } from './geography.ts';
import type { Village } from './geography.ts';
import { HouseholdFactory } from './households.ts';
import type { Household, ReferenceDataset, ReferenceRow } from './model.ts';
import { Layout } from './output/layout.ts';
import type { FileSummary } from './output/table.ts';
import { workloadOptionsSchema } from './options.ts';
import type { WorkloadOptions } from './options.ts';
import { paidMonths } from './payments.ts';
import { PeopleFactory } from './people.ts';
import { Random } from './random.ts';
import type { ScenarioContext, VillageWork } from './scenarios/context.ts';
import { everyVariantPlan, randomPlan } from './scenarios/index.ts';

export interface WorkloadResult {
  files: FileSummary[];
  persons: number;
  households: number;
  villages: { code: string; name: string; township: string; county: string }[];
  expected: number;
  decoys: number;
}

type Deferred = (context: ScenarioContext) => void;

export async function generateWorkload(input: WorkloadOptions): Promise<WorkloadResult> {
  const options = workloadOptionsSchema.parse(input);
  const period = parseMonth(options.period);
  const root = new Random(options.seed);
  const townships = pickGeography(root.fork('geography'), {
    townships: options.townships, villagesPerTownship: options.villages, requireUrban: options.coverage === 'every-variant',
  });
  const villages = townships.flatMap((township) => township.villages);
  const standards = { urbanCents: Math.round(options.standards.urban * 100), ruralCents: Math.round(options.standards.rural * 100) };
  const people = new PeopleFactory(period);
  const householdFactory = new HouseholdFactory(people, standards, period);
  const key = new AnswerKey();
  const layout = new Layout(options.style, options.out, root.fork('spelling'), townships, period);
  const plan = options.coverage === 'every-variant' ? everyVariantPlan(villages.length) : null;
  const serials = new Map<string, number>();
  let deferred: Deferred[] = [];
  let persons = 0;
  let householdCount = 0;

  for (const [index, village] of villages.entries()) {
    if (index === 0 || villages[index - 1]!.township !== village.township) await layout.beginTownship(village.township);
    const rng = root.fork(`village/${village.code}`);
    const work: VillageWork = { village, households: [], references: [], cadres: [] };
    const next = villages[index + 1] ?? null;
    const pending: Deferred[] = [];
    const context: ScenarioContext = {
      rng, style: options.style, period, standards, work, people, householdFactory, key,
      household(request, where?: Village) {
        const household = householdFactory.create(rng, where ?? village, { ...request, scenario: true });
        work.households.push(household);
        return household;
      },
      reference(row) {
        work.references.push(row);
        return row;
      },
      outsider: (minAge = 18, maxAge = 80) => people.outsider(rng, village.township.county, minAge, maxAge),
      defer(task) {
        if (next) pending.push(task);
        else task(context);
      },
      neighbour: next ?? villages[0]!,
    };
    // Aim at what is left over the villages left, so household-size overshoot evens out across the run.
    const villagePersons = Math.max(1, Math.round((options.persons - persons) / (villages.length - index)));

    createRoster(context, options.cadresPerVillage, index === 0 || villages[index - 1]!.township !== village.township, index === 0);
    for (const task of deferred) task(context);
    deferred = pending;
    const scenarios = plan ? plan[index]! : randomPlan(rng, villagePersons, options.anomalyRate);
    for (const { scenario, variant } of scenarios) scenario.run(context, variant);
    let rollPersons = work.households.reduce((sum, household) => sum + household.rows.length, 0);
    while (rollPersons < villagePersons) {
      const household = householdFactory.ordinary(rng, village);
      work.households.push(household);
      rollPersons += household.rows.length;
    }
    addHouseholdBackground(context);
    const filler = countyFiller(context, options.ratios, villagePersons);

    // Shuffled so injected households and rows sit among the others, then numbered per village.
    rng.shuffle(work.households);
    for (const household of work.households) {
      const serial = (serials.get(household.village.code) ?? 0) + rng.int(1, 3);
      serials.set(household.village.code, serial);
      household.id = `${household.village.code}${String(serial).padStart(4, '0')}`;
    }
    for (const household of work.households) writeHousehold(layout, household, period);
    writeReferences(layout, rng, work.references, filler);
    persons += rollPersons;
    householdCount += work.households.length;
  }

  const files = await layout.close();
  for (const footer of layout.footers) key.nonDataRow({ file: footer.location.file, line: footer.location.line, raw: footer.raw, note: footer.note });
  const expected = key.resolveExpected();
  const decoys = key.resolveDecoys();
  if (options.answerKey) {
    mkdirSync(dirname(options.answerKey), { recursive: true });
    const document = {
      generator: 'rollsweep sample-data generator (sample-data/generator)',
      seed: options.seed,
      period: formatMonth(period),
      style: options.style,
      options: { ...options, out: undefined, answerKey: undefined },
      conventions: CONVENTIONS,
      geography: townships.map((township) => ({
        county: `${township.county.name} ${township.county.code}`, township: `${township.name} ${township.code}`,
        villages: township.villages.map((village) => `${village.name} ${village.code}`),
      })),
      files,
      counts: countByCheck(expected),
      expected,
      decoys,
      non_data_rows: key.nonDataRows(),
    };
    writeFileSync(options.answerKey, `${JSON.stringify(document, null, 2)}\n`);
  }
  return {
    files, persons, households: householdCount,
    villages: villages.map((village) => ({ code: village.code, name: village.name, township: village.township.name, county: village.township.county.name })),
    expected: expected.length, decoys: decoys.length,
  };
}

function writeHousehold(layout: Layout, household: Household, period: number): void {
  layout.writeHousehold(household);
  for (const month of paidMonths(household, period)) {
    layout.writePayment(household, month, household.paymentOverrides.get(month));
    if (household.otherBenefit) layout.writeOtherBenefit(household, month);
  }
}

/** Per list, the village's own rows shuffled among the county filler, which is made only as it is written. */
function writeReferences(layout: Layout, rng: Random, rows: ReferenceRow[], filler: Map<ReferenceDataset, FillerStream>): void {
  const byDataset = new Map<ReferenceDataset, ReferenceRow[]>();
  for (const row of rows) {
    const list = byDataset.get(row.dataset);
    if (list) list.push(row);
    else byDataset.set(row.dataset, [row]);
  }
  for (const dataset of REFERENCE_ORDER) {
    const own = rng.shuffle(byDataset.get(dataset) ?? []);
    const stream = filler.get(dataset);
    let madeLeft = stream?.count ?? 0;
    let ownIndex = 0;
    while (ownIndex < own.length || madeLeft > 0) {
      const ownLeft = own.length - ownIndex;
      if (rng.next() * (ownLeft + madeLeft) < ownLeft) layout.writeReference(own[ownIndex++]!);
      else { layout.writeReference(stream!.next()); madeLeft -= 1; }
    }
  }
}

const REFERENCE_ORDER: ReferenceDataset[] = ['deaths', 'prisoners', 'vehicles', 'properties', 'businesses', 'payroll', 'deposits', 'cadres', 'kinship'];

function countByCheck(entries: { check_id: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of entries) counts[entry.check_id] = (counts[entry.check_id] ?? 0) + 1;
  return counts;
}

const CONVENTIONS = {
  id_number: 'the subject\'s normalised 18-digit ID; null when the ID is unrecoverable (data_quality.id-invalid) or the finding is about a household or a rejected row',
  household_id: 'the roll household the finding belongs to; null for rows of reference lists',
  file_line: 'file name inside the input folder; line = 1-based line in a CSV (header is line 1), worksheet row number in an XLSX (title rows counted), 1-based data row in a Parquet file',
  household_level: 'over_asset.* are one finding per household: id_number is the member whose holding triggered it (the first if several); match them on household_id',
  duplicates: 'duplicate.* list every occurrence: one entry per roll row (two-households, dibao-and-tekun, same-household) or per household (shared-account, id_number = head)',
  overpayment_cents: 'deceased.recipient: sum over payments for months after the month of death up to and including the period of (household amount paid that month ÷ household rows on the roll), each share rounded half up to the cent in integer arithmetic, then summed',
  bad_rows: 'data_quality.id-invalid rows and data_quality.bad-row rows are rejected at load; id-invalid is expected instead of (not in addition to) bad-row for them',
  non_data_rows: 'footer rows (合计, 制表单位) that are not data: the scanner must not treat them as persons; they are not findings',
  decoys: 'facts that must NOT produce the findings listed in must_not_flag for that subject',
};
