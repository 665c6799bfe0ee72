// Macros for the codes a 车管 export may write instead of words: rs_vehicle_type (车辆类型 codes of GA 24.4, K33, and
// 号牌种类 codes, 02) and rs_vehicle_states (机动车状态 letters, E or GQ). Read as words, a motorcycle written M21 was a
// counted vehicle and a car deregistered as E or 注销(E) was still registered: each a false 家庭成员名下有机动车.
import { sqlString } from '../sql-text.ts';
import { bindOnce, defineMacro, type MacroDefinition } from './macro-definition.ts';

/** 车辆类型 codes with a name of their own (GA 24.4): those whose name decides an exemption, and the cars. */
const VEHICLE_TYPE_NAMES: Record<string, string> = {
  K11: '大型普通客车', K12: '大型双层客车', K13: '大型卧铺客车', K14: '大型铰接客车', K15: '大型越野客车', K16: '大型轿车', K17: '大型专用客车', K18: '大型专用校车',
  K21: '中型普通客车', K22: '中型双层客车', K23: '中型卧铺客车', K24: '中型铰接客车', K25: '中型越野客车', K26: '中型轿车', K27: '中型专用客车', K28: '中型专用校车',
  K31: '小型普通客车', K32: '小型越野客车', K33: '小型轿车', K34: '小型专用客车', K38: '小型专用校车', K39: '小型面包车',
  K41: '微型普通客车', K42: '微型越野客车', K43: '微型轿车', K49: '微型面包车',
  M11: '普通正三轮摩托车', M12: '轻便正三轮摩托车', M13: '正三轮载客摩托车', M14: '正三轮载货摩托车', M15: '侧三轮摩托车',
  M21: '普通二轮摩托车', M22: '轻便二轮摩托车',
  N11: '三轮汽车',
  H51: '普通低速货车', H52: '厢式低速货车', H53: '罐式低速货车', H54: '自卸低速货车', H55: '仓栅式低速货车', H5B: '厢式自卸低速货车', H5C: '罐式自卸低速货车',
  T11: '大型轮式拖拉机', T21: '小型轮式拖拉机', T22: '手扶拖拉机',
};

/** The class of any other code, by its first two characters or its letter (H17 is a 重型货车, T23 a 拖拉机). */
const VEHICLE_CLASS_NAMES: Record<string, string> = {
  K1: '大型客车', K2: '中型客车', K3: '小型客车', K4: '微型客车',
  H1: '重型货车', H2: '中型货车', H3: '轻型货车', H4: '微型货车', H5: '低速货车',
  K: '载客汽车', H: '载货汽车', Q: '牵引车', Z: '专项作业车', G: '全挂车', B: '半挂车', D: '电车', J: '轮式机械', M: '摩托车', N: '三轮汽车', T: '拖拉机', X: '其他车辆',
};

/** 号牌种类 codes (GA 24.7), as a 号牌种类 column writes them, 1 for 01 when a spreadsheet dropped the zero. */
const PLATE_KIND_NAMES: Record<string, string> = {
  '01': '大型汽车', '02': '小型汽车', '03': '使馆汽车', '04': '领馆汽车', '05': '境外汽车', '06': '外籍汽车',
  '07': '普通摩托车', '08': '轻便摩托车', '09': '使馆摩托车', '10': '领馆摩托车', '11': '境外摩托车', '12': '外籍摩托车',
  '13': '低速车', '14': '拖拉机', '15': '挂车', '16': '教练汽车', '17': '教练摩托车',
  '20': '临时入境汽车', '21': '临时入境摩托车', '22': '临时行驶车', '23': '警用汽车', '24': '警用摩托', '51': '大型新能源汽车', '52': '小型新能源汽车',
};

/** 机动车状态 letters, one per state: a vehicle may be in several (GQ: 违法未处理 and 逾期未检验). */
const STATE_LETTERS = 'ABCDEGHIJKLMNOPQ';
const STATE_NAMES = [
  '正常', '转出', '被盗抢', '停驶', '注销', '违法未处理', '海关监管', '事故未处理', '嫌疑车', '查封', '暂扣', '强制注销', '事故逃逸', '锁定',
  '达到报废标准公告牌证作废', '逾期未检验',
];

const mapLiteral = (entries: Record<string, string>) => `MAP {${Object.entries(entries).map(([code, name]) => `${sqlString(code)}: ${sqlString(name)}`).join(', ')}}`;
const TYPES = mapLiteral(VEHICLE_TYPE_NAMES);
const CLASSES = mapLiteral(VEHICLE_CLASS_NAMES);
const PLATE_KINDS = mapLiteral(PLATE_KIND_NAMES);

/**
 * A state cell's parts: runs of letters (codes) and runs of other characters (words), split at punctuation and spaces.
 * 注销(E), E-注销 and E注销 are each a code and a word.
 */
const STATE_PARTS = '[A-Za-z]+|[^A-Za-z\\s,，、;；/|()（）\\[\\]【】:：\\-—_.。]+';

export const VEHICLE_CODE_MACROS: readonly MacroDefinition[] = [
  // A code becomes its name with the code kept (小型轿车（K33）, 低速车（号牌种类 13）), so the exempt words of
  // over_asset.vehicle match it and the evidence still shows what the list wrote; any other value is rs_text.
  // In simplified characters (拖拉機, 農用車 read as the exempt 拖拉机, 农用车: until 2026-12-02 a false high finding), as
  // every type and state is read once per distinct spelling (the value maps).
  defineMacro('rs_vehicle_type', ['s'], bindOnce('rs_to_simplified(rs_text(s))', 'rs_vehicle_text', bindOnce('upper(rs_vehicle_text)', 'rs_vehicle_code', `coalesce(CASE
    WHEN regexp_full_match(rs_vehicle_code, '[A-Z][0-9][0-9A-Z]') THEN
      coalesce(${TYPES}[rs_vehicle_code], ${CLASSES}[left(rs_vehicle_code, 2)], ${CLASSES}[left(rs_vehicle_code, 1)]) || '（' || rs_vehicle_code || '）'
    WHEN regexp_full_match(rs_vehicle_code, '[0-9]{1,2}') THEN
      ${PLATE_KINDS}[lpad(rs_vehicle_code, 2, '0')] || '（号牌种类 ' || lpad(rs_vehicle_code, 2, '0') || '）'
  END, rs_vehicle_text)`))),

  // The states a cell names, in its order, each once: E → [注销]; 注销(E) → [注销]; GQ → [违法未处理, 逾期未检验];
  // 达到报废标准 → [达到报废标准]. A run of letters that is not all state codes stays as written. NULL when empty.
  defineMacro('rs_vehicle_states', ['s'], bindOnce(
    `flatten(list_transform(regexp_extract_all(rs_to_simplified(rs_text(s)), ${sqlString(STATE_PARTS)}), lambda rs_part:
       CASE WHEN regexp_full_match(upper(rs_part), '[${STATE_LETTERS}]+')
            THEN list_transform(string_split(upper(rs_part), ''), lambda rs_letter: [${STATE_NAMES.map(sqlString).join(', ')}][strpos('${STATE_LETTERS}', rs_letter)])
            ELSE [rs_part] END))`,
    'rs_states', `nullif(list_filter(rs_states, lambda rs_state, rs_index: list_position(rs_states, rs_state) = rs_index), [])`)),
];
