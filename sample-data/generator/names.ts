// Chinese personal names: weighted surnames, given names by gender, and the spelling variants seen in real lists.
import type { Random } from './random.ts';

// Frequencies roughly follow the 2020 census ranking (percent of population).
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 7.1], ['李', 7.0], ['张', 6.7], ['刘', 5.4], ['陈', 4.5], ['杨', 3.1], ['黄', 2.2], ['赵', 2.0],
  ['吴', 2.0], ['周', 1.9], ['徐', 1.5], ['孙', 1.5], ['马', 1.4], ['朱', 1.3], ['胡', 1.3], ['郭', 1.2],
  ['何', 1.2], ['林', 1.1], ['高', 1.1], ['罗', 1.1], ['郑', 1.0], ['梁', 0.9], ['谢', 0.8], ['宋', 0.8],
  ['唐', 0.8], ['许', 0.7], ['韩', 0.7], ['邓', 0.7], ['冯', 0.7], ['曹', 0.7], ['彭', 0.6], ['曾', 0.6],
  ['肖', 0.6], ['田', 0.6], ['董', 0.6], ['潘', 0.5], ['袁', 0.5], ['蔡', 0.5], ['蒋', 0.5], ['余', 0.5],
  ['于', 0.5], ['杜', 0.5], ['叶', 0.5], ['程', 0.5], ['魏', 0.4], ['苏', 0.4], ['吕', 0.4], ['丁', 0.4],
  ['任', 0.4], ['卢', 0.4], ['姚', 0.4], ['沈', 0.4], ['钟', 0.4], ['姜', 0.4], ['崔', 0.4], ['谭', 0.4],
  ['陆', 0.3], ['范', 0.3], ['汪', 0.3], ['廖', 0.3], ['石', 0.3], ['金', 0.3], ['贾', 0.3], ['夏', 0.3],
  ['韦', 0.3], ['付', 0.3], ['方', 0.3], ['邹', 0.3], ['熊', 0.3], ['白', 0.3], ['孟', 0.3], ['秦', 0.3],
  ['邱', 0.3], ['侯', 0.3], ['江', 0.3], ['尹', 0.3], ['薛', 0.2], ['闫', 0.2], ['段', 0.2], ['雷', 0.2],
  ['龙', 0.2], ['黎', 0.2], ['史', 0.2], ['陶', 0.2], ['贺', 0.2], ['毛', 0.2], ['郝', 0.2], ['顾', 0.2],
  ['龚', 0.2], ['邵', 0.2], ['万', 0.2], ['覃', 0.2], ['武', 0.2], ['钱', 0.2], ['戴', 0.2], ['严', 0.2],
  ['欧阳', 0.05], ['司马', 0.02], ['诸葛', 0.01],
];

const MALE_CHARS = [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳东洋峰建国庆文亮志海春生德成福贵祥荣新利永'];
const FEMALE_CHARS = [...'芳娟敏静丽艳娜秀英霞燕玲桂兰萍红梅琴云莲凤珍淑华洁婷雪慧颖倩琳晶莉月翠菊秋香美玉巧爱芬'];
const SHARED_CHARS = [...'小建金玉春秋海文明志红晓'];

// Minority names written with a middle dot (Uyghur and others): the dot form is what real lists vary.
const DOTTED_NAMES: readonly (readonly [string, boolean])[] = [
  ['阿依古丽·买买提', false], ['买买提·艾力', true], ['古丽娜尔·吐尔逊', false], ['艾力·阿不都拉', true],
  ['热依拉·托合提', false], ['阿布都热合曼·依明', true], ['帕提古丽·阿西木', false], ['吐尔逊·卡德尔', true],
];

// Cumulative weights, so a surname costs a binary search rather than a walk over the list.
const SURNAME_TOTALS: number[] = [];
for (const [, weight] of SURNAMES) SURNAME_TOTALS.push((SURNAME_TOTALS[SURNAME_TOTALS.length - 1] ?? 0) + weight);

export function randomSurname(rng: Random): string {
  const target = rng.next() * SURNAME_TOTALS[SURNAME_TOTALS.length - 1]!;
  let low = 0;
  let high = SURNAME_TOTALS.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (SURNAME_TOTALS[middle]! > target) high = middle;
    else low = middle + 1;
  }
  return SURNAMES[low]![0];
}

export function randomGivenName(rng: Random, male: boolean): string {
  const pool = male ? MALE_CHARS : FEMALE_CHARS;
  const first = rng.chance(0.15) ? rng.pick(SHARED_CHARS) : rng.pick(pool);
  // About a third of people, more often the elderly, have a single-character given name.
  return rng.chance(0.3) ? first : first + rng.pick(pool);
}

export function randomName(rng: Random, male: boolean, surname?: string): string {
  if (surname === undefined && rng.chance(0.004)) {
    const options = DOTTED_NAMES.filter(([, isMaleName]) => isMaleName === male);
    return rng.pick(options)[0];
  }
  return (surname ?? randomSurname(rng)) + randomGivenName(rng, male);
}

export function surnameOf(name: string): string {
  const twoChar = SURNAMES.find(([surname]) => surname.length === 2 && name.startsWith(surname));
  return twoChar ? twoChar[0] : name.slice(0, 1);
}

/** A different, similar-looking name (one character changed): a typing error or a borrowed ID. */
export function alteredName(rng: Random, name: string, male: boolean): string {
  const pool = male ? MALE_CHARS : FEMALE_CHARS;
  for (;;) {
    const replacement = rng.pick(pool);
    const altered = name.slice(0, -1) + replacement;
    if (altered !== name) return altered;
  }
}

// Simplified → traditional pairs that OpenCC's t→cn converts back uniquely (tested).
const TRADITIONAL: Readonly<Record<string, string>> = {
  张: '張', 刘: '劉', 陈: '陳', 杨: '楊', 黄: '黃', 赵: '趙', 吴: '吳', 孙: '孫', 马: '馬', 郑: '鄭',
  罗: '羅', 谢: '謝', 许: '許', 韩: '韓', 邓: '鄧', 冯: '馮', 叶: '葉', 苏: '蘇',
  吕: '呂', 卢: '盧', 钟: '鍾', 谭: '譚', 陆: '陸', 贾: '賈', 韦: '韋', 邹: '鄒', 龙: '龍',
  伟: '偉', 强: '強', 军: '軍', 杰: '傑', 涛: '濤', 鹏: '鵬', 华: '華', 飞: '飛', 宁: '寧', 东: '東',
  国: '國', 庆: '慶', 贵: '貴', 荣: '榮', 丽: '麗', 艳: '艷', 兰: '蘭', 红: '紅',
  凤: '鳳', 莲: '蓮', 洁: '潔', 云: '雲', 庄: '莊', 爱: '愛',
};

/** The name with its simplified characters written traditional, or null if no character changes. */
export function traditionalForm(name: string): string | null {
  const converted = [...name].map((char) => TRADITIONAL[char] ?? char).join('');
  return converted === name ? null : converted;
}

const DOT_VARIANTS = ['•', '．', '・', '·'] as const;
const FULL_WIDTH_SPACE = '\u3000';

/**
 * A spelling of the name that normalises back to it (data-contract.md "names"): traditional
 * characters, an interior space, or another middle dot. Null when the name offers none.
 */
export function nameVariant(rng: Random, name: string): string | null {
  if (name.includes('·')) return name.replace('·', rng.pick(DOT_VARIANTS.slice(0, 3)));
  const options: string[] = [];
  const traditional = traditionalForm(name);
  if (traditional) options.push(traditional);
  if (name.length >= 2) options.push(`${name.slice(0, 1)}${rng.chance(0.5) ? ' ' : FULL_WIDTH_SPACE}${name.slice(1)}`);
  return options.length ? rng.pick(options) : null;
}

/** Half-width ASCII letters and digits → full-width forms (as typed with a Chinese IME in full-width mode). */
export function toFullWidth(text: string): string {
  return text.replace(/[0-9A-Za-z]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
}
