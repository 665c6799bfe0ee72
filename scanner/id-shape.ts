// What a 居民身份证 number holds where it names a person, as a pattern that JavaScript's RegExp and DuckDB's RE2 read
// alike: masking tells an ID in free text by it (mask-id.ts), and a 市场主体 list tells a person's mistyped number from
// a company's 统一社会信用代码 by it (business-holders.ts).

/** A province's code (GB/T 2260: 11 北京 … 65 新疆, 71 台湾, 81–83 港澳): an ID's first two digits. */
export const PROVINCE_CODE = String.raw`(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-3])`;

/** A month and day, mmdd, as an ID's birth date writes them. */
export const MONTH_AND_DAY = String.raw`(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])`;

/** An 18-digit ID's birth date, yyyymmdd of 19xx or 20xx. */
export const BIRTH_DATE = String.raw`(?:19|20)\d{2}${MONTH_AND_DAY}`;
