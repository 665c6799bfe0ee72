// The 抽样说明 sheet: the sample's parameters, every village's weight, and the method in words a supervisor
// can read out when asked why these households were checked.
import type * as ExcelTypes from 'exceljs';
import { townshipLabel, villageLabel } from '../export/ledger-workbook/names.ts';
import { printSetup } from '../export/ledger-workbook/styles.ts';
import { LABEL_STYLE, NUMBER_STYLE, PARAGRAPH_STYLE, SECTION_STYLE, TITLE_STYLE, VALUE_STYLE } from './sheet-styles.ts';
import { localDateTime, placesNotKeptNote, type SpotCheckContent } from './spot-check-content.ts';

export const SAMPLE_NOTES_SHEET = '抽样说明';

const VILLAGE_HEADERS = ['抽中顺序', '乡镇', '村(社区)', '扫描时未销号问题数', '权重', '首次抽取区间', '在册户数', '有问题户数', '本次抽取户数'] as const;
const WIDTHS = [9, 12, 14, 14, 8, 14, 10, 10, 12];

export function writeSampleNotesSheet(workbook: ExcelTypes.Workbook, content: SpotCheckContent): void {
  const sheet = workbook.addWorksheet(SAMPLE_NOTES_SHEET, { pageSetup: printSetup('1:1') });
  WIDTHS.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  const last = WIDTHS.length;
  let row = 1;
  const mergedLine = (value: string, style: Partial<ExcelTypes.Style>, height?: number) => {
    const cell = sheet.getCell(row, 1);
    cell.value = value;
    cell.style = style;
    sheet.mergeCells(row, 1, row, last);
    if (height) sheet.getRow(row).height = height;
    row++;
  };

  mergedLine(`抽样说明（${content.period}）`, TITLE_STYLE, 30);
  for (const [label, value] of parameters(content)) {
    sheet.getCell(row, 1).value = label;
    sheet.getCell(row, 1).style = LABEL_STYLE;
    sheet.mergeCells(row, 1, row, 2);
    const cell = sheet.getCell(row, 3);
    cell.value = value;
    cell.style = VALUE_STYLE;
    sheet.mergeCells(row, 3, row, last);
    row++;
  }

  row++;
  mergedLine('各村权重（权重 = 本月扫描时未销号问题数 + 1）', SECTION_STYLE, 22);
  VILLAGE_HEADERS.forEach((header, i) => {
    const cell = sheet.getCell(row, i + 1);
    cell.value = header;
    cell.style = LABEL_STYLE;
  });
  row++;
  let before = 0;
  for (const village of content.villages) {
    const range = `${before}–${before + village.weight - 1}`;
    before += village.weight;
    const values: (string | number)[] = [
      village.drawOrder ?? '未抽中', townshipLabel(village.township), villageLabel(village.village), village.openFindings, village.weight,
      range, village.households, village.flaggedHouseholds, village.drawnHouseholds,
    ];
    values.forEach((value, i) => {
      const cell = sheet.getCell(row, i + 1);
      cell.value = value;
      cell.style = typeof value === 'number' ? NUMBER_STYLE : VALUE_STYLE;
    });
    row++;
  }

  row++;
  mergedLine('抽样方法', SECTION_STYLE, 22);
  for (const paragraph of method(content)) mergedLine(paragraph, PARAGRAPH_STYLE, 16 * Math.ceil(paragraph.length / 55) + 4);
}

function parameters(content: SpotCheckContent): [string, string][] {
  const drawnVillages = content.villages.filter((village) => village.drawOrder !== null).length;
  return [
    ['抽样编号', content.sampleId],
    ['检查月份', content.period],
    ['扫描批次', content.runId],
    ['随机种子', content.seed],
    ['抽取村数', drawnVillages < content.villagesRequested
      ? `要求 ${content.villagesRequested} 个，花名册上只有 ${content.villages.length} 个村，全部抽取`
      : `${content.villagesRequested} 个（花名册上共 ${content.villages.length} 个村）`],
    ['每村抽取户数', `${content.householdsPerVillage} 户（实抽 ${content.households.length} 户，其中有问题 ${content.households.filter((h) => h.flagged).length} 户）`],
    ['抽取人', content.drawnBy ?? '未记录'],
    ['抽取时间', localDateTime(content.drawnAt)],
    ['身份证号', content.unmask ? '未遮挡（注意保密）' : '已遮挡（前 6 位和后 4 位）'],
  ];
}

function method(content: SpotCheckContent): string[] {
  const half = Math.ceil(content.householdsPerVillage / 2);
  return [
    '1. 随机数：把随机种子（UTF-8 文字）做 SHA-256 摘要，取前 16 个字节作为 sfc32 随机数发生器的初始状态，先空转 12 次。全部为 32 位整数运算，不用小数，任何电脑算出的结果都相同。',
    '2. 排序：花名册上的村按乡镇、村名称的字符编码顺序排列（即上表顺序），各村的户按家庭编号排列。户主所在的村为该户所在的村。',
    '3. 抽村：每个村的权重 = 本月扫描结束时该村尚未销号的问题数 + 1（按台账变更记录还原，扫描之后整改状态的修改不计入；问题的所在乡镇、村和家庭也取本月扫描时的记录，之后月份的扫描改动不计入；家庭的问题计入该户所在的村，即户主所在的村；家庭编号对不上花名册的，计入问题所写的村），没有问题的村权重为 1，也可能被抽中。每次在 0 到“剩余各村权重之和 − 1”之间取一个均匀随机整数，落在哪个村的区间就抽中哪个村；抽中的村移出，其余村重新依次排列区间，再抽下一个，直到抽满。上表“首次抽取区间”是第一次抽取时各村的区间。',
    `4. 抽户：依抽中顺序，逐村把有问题户、无问题户分别随机打乱（Fisher–Yates 洗牌），先取 ${half} 户有问题户，其余取无问题户；某一类不够时由另一类补足；全村不足 ${content.householdsPerVillage} 户的全部抽取。`,
    '5. 有问题户：本月扫描对该户提出了提示级以上问题的户（不论整改状态）；核查表列出这些问题及其证据。',
    `6. 复现：用同一台账、同一月份、同一随机种子和同样的村数、户数重新运行 rollsweep sample，在任何电脑上都得到同一样本（抽样编号相同），此后修改整改状态${content.placesNotKept > 0 ? '' : '、扫描其他月份'}也不影响；重新扫描该月（新的扫描批次）后抽样可能不同。${placesNotKeptNote(content.placesNotKept)}${content.openFindingsOutsideVillages > 0 ? `另有 ${content.openFindingsOutsideVillages} 条扫描时未销号的问题不属于花名册上的任何村（如外部数据的格式问题），不计入权重。` : ''}`,
    '7. 本次抽样（抽取人、时间、种子和抽中的户）已记入台账，日后可查哪些户在何时被抽查。',
  ];
}
