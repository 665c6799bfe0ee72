// Builds households (户): a head and members with relations, a program, an amount, a bank account, a status.
import { addDays, firstDay, monthOf, randomDateBetween, utcDate } from './calendar.ts';
import type { MonthIndex } from './calendar.ts';
import type { Village } from './geography.ts';
import type { Family, Household, Person, RollRow, Status } from './model.ts';
import { surnameOf } from './names.ts';
import type { PeopleFactory } from './people.ts';
import { householdAmountCents, programText } from './programs.ts';
import type { Standards } from './programs.ts';
import type { Random } from './random.ts';

export type Shape =
  | 'single' | 'elderCouple' | 'coupleKids' | 'singleParent' | 'threeGenerations'
  | 'grandparentKids' | 'disabledChild' | 'elderWithSonFamily';

const DIBAO_SHAPES: readonly (readonly [Shape, number])[] = [
  ['single', 0.13], ['elderCouple', 0.2], ['coupleKids', 0.24], ['singleParent', 0.1], ['threeGenerations', 0.08],
  ['grandparentKids', 0.11], ['disabledChild', 0.09], ['elderWithSonFamily', 0.05],
];

export type Member = { person: Person; relation: string };

/** Members of a household of the given shape, head first. */
export function buildMembers(rng: Random, people: PeopleFactory, village: Village, shape: Shape): Member[] {
  const county = village.township.county;
  const make = (minAge: number, maxAge: number, male?: boolean, surname?: string) =>
    people.person(rng, county, { minAge, maxAge, ...(male === undefined ? {} : { male }), ...(surname ? { surname } : {}) });
  const ageOf = (person: Person) => people.referenceYear - person.birth.getUTCFullYear();
  const child = (parent: Person, max = 20): Member => {
    const male = rng.chance(0.52);
    const top = Math.min(max, ageOf(parent) - 20);
    return { person: make(Math.max(0, top - 18), Math.max(0, top), male, parent.male ? surnameOf(parent.name) : undefined), relation: male ? '子' : '女' };
  };
  const spouseOf = (head: Person): Member => {
    const age = ageOf(head);
    return { person: make(Math.max(20, age - 6), age + 3, !head.male), relation: '配偶' };
  };
  switch (shape) {
    case 'single': {
      const disabled = rng.chance(0.2);
      return [{ person: make(disabled ? 22 : 60, disabled ? 59 : 94, rng.chance(0.45)), relation: '本人' }];
    }
    case 'elderCouple': {
      const head = make(60, 88, true);
      return [{ person: head, relation: '户主' }, spouseOf(head)];
    }
    case 'coupleKids': {
      const head = make(30, 56, rng.chance(0.8));
      return [{ person: head, relation: '户主' }, spouseOf(head), ...Array.from({ length: rng.int(1, 3) }, () => child(head))];
    }
    case 'singleParent': {
      const head = make(28, 55, rng.chance(0.4));
      return [{ person: head, relation: '户主' }, ...Array.from({ length: rng.int(1, 2) }, () => child(head, 17))];
    }
    case 'threeGenerations': {
      const head = make(36, 55, rng.chance(0.85));
      const parentMale = rng.chance(0.35);
      const parent = make(ageOf(head) + 22, Math.min(95, ageOf(head) + 34), parentMale, parentMale && head.male ? surnameOf(head.name) : undefined);
      return [{ person: head, relation: '户主' }, spouseOf(head), child(head), ...(rng.chance(0.5) ? [child(head)] : []),
        { person: parent, relation: parentMale ? '父亲' : '母亲' }];
    }
    case 'grandparentKids': {
      const head = make(58, 80, rng.chance(0.5));
      const surname = head.male ? surnameOf(head.name) : undefined;
      const grandchildren = Array.from({ length: rng.int(1, 2) }, () => {
        const male = rng.chance(0.5);
        return { person: make(3, 16, male, surname), relation: male ? '孙子' : '孙女' };
      });
      return [{ person: head, relation: '户主' }, ...(rng.chance(0.5) ? [spouseOf(head)] : []), ...grandchildren];
    }
    case 'disabledChild': {
      const head = make(55, 82, rng.chance(0.6));
      const adult = child(head, 45);
      return [{ person: head, relation: '户主' }, ...(rng.chance(0.6) ? [spouseOf(head)] : []), adult];
    }
    case 'elderWithSonFamily': {
      const head = make(62, 80, true);
      const son = make(30, 44, true, surnameOf(head.name));
      const daughterInLaw = make(28, 42, false);
      const grandchild = rng.chance(0.5);
      return [{ person: head, relation: '户主' }, spouseOf(head), { person: son, relation: '子' },
        { person: daughterInLaw, relation: '儿媳' },
        { person: make(2, 14, grandchild, surnameOf(head.name)), relation: grandchild ? '孙子' : '孙女' }];
    }
  }
}

/** 19-digit card numbers with a Luhn check digit, unique per household because the serial is. */
class AccountNumbers {
  private serial = 0;
  next(rng: Random): string {
    this.serial += 1;
    const prefix = rng.pick(['622848', '621799', '623059', '622188', '621098']);
    // The multiplier is coprime with 10^12, so the scrambled serials never collide (BigInt: the product exceeds 2^53).
    const scrambled = (BigInt(this.serial) * 982_451_653n + 271_828_182_845n) % 1_000_000_000_000n;
    const body = prefix + scrambled.toString().padStart(12, '0');
    let sum = 0;
    for (let i = 0; i < body.length; i++) {
      let digit = Number(body[body.length - 1 - i]);
      if (i % 2 === 0) { digit *= 2; if (digit > 9) digit -= 9; }
      sum += digit;
    }
    return body + String((10 - (sum % 10)) % 10);
  }
}

export interface HouseholdRequest {
  family: Family;
  shape?: Shape;
  /** Smallest acceptable number of members (the shape is redrawn until it fits). */
  minSize?: number;
  program?: string;
  status?: Status;
  /** Given members (head first) instead of a drawn shape. */
  members?: Member[];
  /** Scenario households: 在保 since before the payment window, so their payments are a full year. */
  scenario?: boolean;
}

export class HouseholdFactory {
  private readonly accounts = new AccountNumbers();

  constructor(
    private readonly people: PeopleFactory,
    private readonly standards: Standards,
    private readonly period: MonthIndex,
  ) {}

  /** A household as most are: random family, shape and status. */
  ordinary(rng: Random, village: Village): Household {
    const tekunShare = village.area === 'rural' ? 0.16 : 0.12;
    return this.create(rng, village, { family: rng.chance(tekunShare) ? '特困' : '低保' });
  }

  create(rng: Random, village: Village, request: HouseholdRequest): Household {
    let members: Member[] = request.members ?? [];
    while (members.length === 0 || members.length < (request.minSize ?? 1)) {
      const shape = request.shape ?? (request.family === '特困' ? (rng.chance(0.92) ? 'single' : 'elderCouple') : rng.weighted(DIBAO_SHAPES));
      members = buildMembers(rng, this.people, village, shape);
    }
    const status = request.status ?? (request.scenario ? '在保' : rng.weighted<Status>([['在保', 0.94], ['停保', 0.04], ['退保', 0.02]]));
    const windowStart = firstDay(this.period - 11);
    const startDate = request.scenario || rng.chance(0.88)
      ? randomDateBetween(() => rng.next(), utcDate(2012, 1, 1), addDays(windowStart, -40))
      : randomDateBetween(() => rng.next(), windowStart, addDays(firstDay(this.period), -1));
    const stopMonth = status === '在保' ? null : Math.max(monthOf(startDate) + 1, this.period - rng.int(0, 14));
    const rows: RollRow[] = members.map(({ person, relation }) => ({ person, relation, status, filed: '否' }));
    return {
      village, id: '', program: request.program ?? programText(rng, request.family, village.area),
      family: request.family, area: village.area,
      amountCents: householdAmountCents(rng, this.standards, request.family, village.area, rows.length),
      startDate, stopMonth, status, bankAccount: this.accounts.next(rng), rows,
      paymentOverrides: new Map(), claimed: request.scenario ?? false,
    };
  }

  /** Recomputes the amount for `members` people (scenarios that add rows keep the amount under any count). */
  reprice(rng: Random, household: Household, members: number): void {
    if (!household.family || !household.area) return;
    household.amountCents = householdAmountCents(rng, this.standards, household.family, household.area, Math.max(1, members));
  }
}
