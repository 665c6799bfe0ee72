// imprisoned.recipient: sentences overlapping the period (hits) and ones that end before or start after it (decoys).
import { addDays, dayOf, firstDay, isoDate } from '../calendar.ts';
import { facility, prisonerRow } from '../references.ts';
import type { Scenario, ScenarioContext } from './context.ts';

const CHECK = 'imprisoned.recipient';

function day(context: ScenarioContext, monthOffset: number): Date {
  return dayOf(context.period + monthOffset, context.rng.int(1, 28));
}

function prisonerHousehold(context: ScenarioContext) {
  // Prisoners are mostly working-age men: the head of a couple-with-children household.
  const household = context.household({ family: '低保', shape: 'coupleKids' });
  return { household, subject: household.rows[0]!.person };
}

export const imprisonedHit: Scenario = {
  kind: 'imprisoned.hit', variants: 4, weight: 3,
  run(context, variant) {
    const { rng, key, period } = context;
    const { household, subject } = prisonerHousehold(context);
    const sentences: [Date, Date | null][] = [
      [day(context, -16), null],
      [day(context, -rng.int(20, 40)), day(context, rng.int(3, 30))],
      [day(context, -30), addDays(firstDay(period), rng.int(0, 20))],
      [dayOf(period, rng.int(10, 28)), day(context, 24)],
    ];
    const [start, end] = sentences[variant]!;
    const row = context.reference(prisonerRow(subject, start, end, facility(rng, subject.county)));
    key.expect({ checkId: CHECK, person: subject, household, row, note: `sentence ${isoDate(start)} – ${end ? isoDate(end) : '(serving)'} overlaps the period` });
  },
};

export const imprisonedDecoy: Scenario = {
  kind: 'imprisoned.decoy', variants: 2, weight: 2,
  run(context, variant) {
    const { rng, key, period } = context;
    const { household, subject } = prisonerHousehold(context);
    if (variant === 0) {
      const end = addDays(firstDay(period), -1 - rng.int(0, 60));
      const row = context.reference(prisonerRow(subject, day(context, -rng.int(15, 40)), end, facility(rng, subject.county)));
      key.decoy({ kind: 'prisoner-released-before-period', mustNotFlag: [CHECK], person: subject, household, row, note: `released ${isoDate(end)}, before P.start` });
    } else {
      const start = day(context, rng.int(1, 2));
      const row = context.reference(prisonerRow(subject, start, null, facility(rng, subject.county)));
      key.decoy({ kind: 'prisoner-sentence-after-period', mustNotFlag: [CHECK], person: subject, household, row, note: `sentence starts ${isoDate(start)}, after P.end` });
    }
  },
};

/** On a 服刑/羁押 list but not held (缓刑, 假释, 取保候审): a household member still, whose share is not cut. */
export const notInCustody: Scenario = {
  kind: 'imprisoned.not-in-custody', variants: 2, weight: 1,
  run(context, variant) {
    const { rng, key } = context;
    const { household, subject } = prisonerHousehold(context);
    const custody = variant === 0 ? rng.pick(['缓刑', '假释', '暂予监外执行']) : rng.pick(['取保候审', '监视居住']);
    const start = day(context, -rng.int(2, 14));
    const row = context.reference(prisonerRow(subject, start, null, facility(rng, subject.county), custody));
    key.decoy({ kind: 'prisoner-not-in-custody', mustNotFlag: [CHECK], person: subject, household, row, note: `listed from ${isoDate(start)} with 执行方式 ${custody}: not held, refused as out of scope` });
  },
};

/**
 * No end date because there is none: a life or suspended death sentence (刑满日期 无期徒刑, 死缓), or a detainee in the
 * 看守所 not yet sentenced (待定). Still held, found; read as an unreadable date they once refused the row.
 */
export const prisonerNoEndDate: Scenario = {
  kind: 'imprisoned.no-end-date', variants: 2, weight: 1,
  run(context, variant) {
    const { rng, key } = context;
    const { household, subject } = prisonerHousehold(context);
    const [start, end, held] = variant === 0
      ? [day(context, -rng.int(30, 90)), rng.pick(['无期徒刑', '死刑缓期二年执行']), rng.pick(['省第一监狱', '省第三监狱'])]
      : [day(context, -rng.int(0, 3)), '待定', `${subject.county.name}看守所`];
    const row = context.reference(prisonerRow(subject, start, end, held));
    key.expect({ checkId: CHECK, person: subject, household, row, note: `sentence from ${isoDate(start)}, 刑满日期 ${end}: still held` });
  },
};

/**
 * Released before the 刑满日期 (减刑, 假释): the list gives the 释放日期 beside it, which is read. v0 left before the period
 * (not flagged, though the 刑满日期 is to come); v1 during it (held part of the period: found). Both columns once
 * stopped the scan as a duplicated header.
 */
export const prisonerReleasedEarly: Scenario = {
  kind: 'imprisoned.released-early', variants: 2, weight: 1,
  run(context, variant) {
    const { rng, key, period } = context;
    const { household, subject } = prisonerHousehold(context);
    const start = day(context, -rng.int(20, 40));
    const scheduled = day(context, rng.int(6, 30));
    const released = variant === 0 ? addDays(firstDay(period), -1 - rng.int(0, 60)) : addDays(firstDay(period), rng.int(0, 20));
    const row = context.reference(prisonerRow(subject, start, scheduled, facility(rng, subject.county), undefined, released));
    const note = `sentence ${isoDate(start)} – ${isoDate(scheduled)}, released ${isoDate(released)}`;
    if (variant === 0) key.decoy({ kind: 'prisoner-released-early', mustNotFlag: [CHECK], person: subject, household, row, note: `${note}, before P.start` });
    else key.expect({ checkId: CHECK, person: subject, household, row, note: `${note}, within the period` });
  },
};
