// Makes people: unique valid IDs for the county, plausible birth dates for an age range, names by gender.
import { addDays, firstDay, utcDate } from './calendar.ts';
import type { MonthIndex } from './calendar.ts';
import type { County } from './geography.ts';
import { IdAllocator } from './id-number.ts';
import type { Person } from './model.ts';
import { randomName } from './names.ts';
import type { Random } from './random.ts';

export interface PersonRequest {
  minAge: number;
  maxAge: number;
  male?: boolean;
  surname?: string;
  /** Born in the 1900s, so a 15-digit legacy form exists. */
  bornBefore2000?: boolean;
}

export class PeopleFactory {
  private readonly allocator = new IdAllocator();
  private readonly periodStart: Date;
  /** The period's year: ages are counted to it. */
  readonly referenceYear: number;

  constructor(period: MonthIndex) {
    this.periodStart = firstDay(period);
    this.referenceYear = this.periodStart.getUTCFullYear();
  }

  person(rng: Random, county: County, request: PersonRequest): Person {
    const male = request.male ?? rng.chance(0.5);
    const age = rng.int(request.minAge, Math.max(request.minAge, request.maxAge));
    let birth = addDays(this.periodStart, -Math.round((age + rng.next()) * 365.25));
    if (request.bornBefore2000 && birth.getUTCFullYear() >= 2000) birth = utcDate(1999, 6, rng.int(1, 28));
    const id = this.allocator.allocate(county.code, birth, male);
    return { id, name: randomName(rng, male, request.surname), male, birth, county };
  }

  /** Someone who is on no roll: the rest of the county, as reference lists see it. */
  outsider(rng: Random, county: County, minAge = 18, maxAge = 80): Person {
    return this.person(rng, county, { minAge, maxAge });
  }

  /** A person with a given name (decoy: same name, different person). */
  namesake(rng: Random, county: County, of: Person): Person {
    const other = this.person(rng, county, { minAge: 30, maxAge: 85, male: of.male });
    return { ...other, name: of.name };
  }
}
