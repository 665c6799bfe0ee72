// How a 不动产 row's 房屋用途 is read, once for both its readers: over_asset.property, which counts the homes and shops,
// and the load's warning of usages no list knows (out-of-scope-rows.ts). Each is given the same three word lists (the
// check's $…Usages params, the county's config over the defaults), so that a word a county adds is both counted and no
// longer warned of, and a usage read one way by the check is never warned of another.
import { EXTRA_CONNECTOR, IGNORED_USAGES, NON_RESIDENTIAL_USAGES, RESIDENTIAL_USAGES } from './category-words.ts';
import { alternatives, containsAny, sqlString } from '../sql-text.ts';

/** The word lists as SQL expressions of VARCHAR[]: the check's parameters ($residentialUsages …) or literals. */
export interface UsageLists {
  residential: string;
  nonResidential: string;
  ignored: string;
}

/** The word lists as config gives them (over_asset.property's params of the same names). */
export interface UsageWords {
  residentialUsages: readonly string[];
  nonResidentialUsages: readonly string[];
  ignoredUsages: readonly string[];
}

export const DEFAULT_USAGE_WORDS: UsageWords = {
  residentialUsages: RESIDENTIAL_USAGES,
  nonResidentialUsages: NON_RESIDENTIAL_USAGES,
  ignoredUsages: IGNORED_USAGES,
};

const listLiteral = (words: readonly string[]) => `[${words.map(sqlString).join(', ')}]::VARCHAR[]`;

/** The lists as SQL literals, for a query that binds no parameters (the load's warning). */
export const usageListsOf = (words: UsageWords): UsageLists => ({
  residential: listLiteral(words.residentialUsages),
  nonResidential: listLiteral(words.nonResidentialUsages),
  ignored: listLiteral(words.ignoredUsages),
});

/** The check's lists, bound as its parameters. */
export const USAGE_PARAMS: UsageLists = { residential: '$residentialUsages', nonResidential: '$nonResidentialUsages', ignored: '$ignoredUsages' };

/**
 * A negation written against a usage word (非营业用房, 非商业用房, 非住宅, 无车库) says what the property is not: the word
 * names no use of it. Until 2026-12-07 only 非住宅 was read so, and a 非营业用房 held 营业 and was counted as a shop, a
 * false high finding. The negation must stand right before the word; a word that itself begins with one (a county's
 * 非住宅 listed among its nonResidentialUsages) is still found where it is written.
 */
const NEGATION = '非|不|无';
const containsUnnegated = (text: string, words: string) =>
  `coalesce(len(${words}) > 0 AND regexp_matches(${text}, '(?:^|[^${NEGATION.replaceAll('|', '')}])(?:' || ${alternatives(words)} || ')'), false)`;

/**
 * 不动产 lists often write the land's use before the house's (城镇住宅用地/商业服务, 商服用地/住宅, 住宅用地/成套住宅): the
 * house's use is what the family holds, read where it names a usage the lists know (negated or not: 商服用地/非营业用房
 * is a house that is no shop, not a shop on commercial land). Read whole, a shop on residential land named a dwelling
 * and a commercial use together and was taken for a 商住 home: until 2026-12-07 a family whose only property was such a
 * shop had no finding. A house's use no list knows (住宅用地/猪圈) leaves the whole value to be read, its land's use
 * deciding. `usage` is in simplified characters (rs_to_simplified).
 */
export const houseUse = (usage: string, lists: UsageLists) => {
  const after = `regexp_extract(${usage}, '^[^/]*用地\\s*/\\s*(.+)$', 1)`;
  const known = [lists.residential, lists.nonResidential, lists.ignored].map((list) => containsAny(after, list)).join(' OR ');
  return `CASE WHEN ${known} THEN ${after} ELSE ${usage} END`;
};

/**
 * A 车库, 车位 or 储藏室 named beside the property's own usage (住宅及车库, 住宅（含车位）, 商业/储藏室, 住宅、车库) is the
 * property's extra, not its use: the usage is read without it. Written against the usage (住宅车库, 住宅附属用房,
 * 住宅（车库）) it names what the property is, and the property is ignored. Until 2026-12-05 any such word ignored the
 * property: a family's second home written 住宅（含车库）, or its shop written 商业/储藏室, went uncounted.
 */
const withoutExtras = (usage: string, ignored: string) =>
  `CASE WHEN len(${ignored}) > 0 THEN regexp_replace(${usage}, ${sqlString(EXTRA_CONNECTOR)} || '(' || ${alternatives(ignored)} || ')', '', 'g') ELSE ${usage} END`;

/**
 * The kind of a house's use (houseUse): 'residential', 'other' (commercial, office, industrial), 'ignored' (a 车库),
 * or NULL for a usage none of the lists names un-negated, which is no home and no shop, counted by nothing and warned
 * of at load. Each list is matched as substrings (住宅, 成套住宅, 住宅(成套), 商业服务, 办公楼 …), ignored words first.
 * - 非住宅 (a 规划用途 of its own, whatever it is used for) holds 住宅 but is no home: until 2026-12-02 it counted as one,
 *   a false 住宅 2 套 beside the family's house. It is an other usage only when it names one (非住宅（商业）).
 * - 非营业用房, 非商业用房 (since 2026-12-07) are no shop, and no home either: the spec counts usage 住宅 as a home, and a
 *   非营业用房 may as well be a public or office building. Unknown, so warned of for staff to verify, not a finding.
 * - A usage naming a dwelling and a commercial use together (商业住宅, 住宅/商业, 商业、住宅, 住宅（商业）) is a 商住 written
 *   out, and is read as 商住 is: a home, or other where the county lists 商住 among nonResidentialUsages. Until 2026-12-03
 *   its 商业 came first: a family's only such dwelling was a high finding by itself, and a second one went uncounted.
 */
export const usageKind = (houseUsage: string, lists: UsageLists) => {
  const usage = withoutExtras(houseUsage, lists.ignored);
  const dwelling = containsUnnegated(usage, lists.residential);
  // 商品房 names how the title was sold, not its use: 商品房（商业） is a shop sold as such, no 商住.
  const namesDwelling = containsUnnegated(`replace(${usage}, '商品房', '')`, lists.residential);
  const commercial = containsUnnegated(usage, lists.nonResidential);
  return `CASE
  WHEN ${containsUnnegated(usage, lists.ignored)} THEN 'ignored'
  WHEN ${namesDwelling} AND ${commercial} THEN CASE WHEN ${containsAny(`'商住'`, lists.nonResidential)} THEN 'other' ELSE 'residential' END
  WHEN ${commercial} THEN 'other'
  WHEN ${dwelling} THEN 'residential' END`;
};
