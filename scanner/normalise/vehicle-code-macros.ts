// Macros for the codes a 车管 export may write instead of words: rs_vehicle_type (车辆类型 codes of GA 24.4, K33, and
// 号牌种类 codes, 02) and rs_vehicle_states (机动车状态 letters, E or GQ). Read as words, a motorcycle written M21 was a
// counted vehicle and a car deregistered as E or 注销(E) was still registered: each a false 家庭成员名下有机动车.
// Also the words clerks write instead of the registry's: a type by its everyday name (农用三轮, 电动三轮车, 残疾人轮椅车)
// and a deregistration in a sentence of its own (报废已注销, 已办理注销, 已作报废处理).
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

/**
 * A type written by its everyday name gets the registry's name of its class beside it (农用三轮（三轮汽车）, 四轮农用（农用车）,
 * 残疾人轮椅车（残疾人机动轮椅车）, 电动三轮车（三轮汽车或三轮摩托车）: a motor tricycle is one or the other, each exempt by
 * default), so that over_asset.vehicle's exempt words, a county's as checks.md lists them too, match it; until
 * 2026-12-06 each was a counted car, a false high finding. The classes checks.md exempts only; a name that already holds
 * its class is left as written. 低速 alone names no class: a 低速电动车 (a small passenger car) is no 低速货车.
 */
const EVERYDAY_TYPE_CLASS = `CASE
    WHEN contains(rs_vehicle_text, '轮椅') AND NOT contains(rs_vehicle_text, '残疾人机动轮椅车') THEN '（残疾人机动轮椅车）'
    WHEN contains(rs_vehicle_text, '三轮') AND regexp_matches(rs_vehicle_text, '农用|低速') AND NOT contains(rs_vehicle_text, '三轮汽车') THEN '（三轮汽车）'
    WHEN contains(rs_vehicle_text, '三轮') AND NOT regexp_matches(rs_vehicle_text, '三轮汽车|摩托') THEN '（三轮汽车或三轮摩托车）'
    WHEN contains(rs_vehicle_text, '农用') AND NOT regexp_matches(rs_vehicle_text, '农用车|农用运输车|拖拉机') THEN '（农用车）'
    WHEN contains(rs_vehicle_text, '低速') AND contains(rs_vehicle_text, '货') AND NOT contains(rs_vehicle_text, '低速货车') THEN '（低速货车）'
    WHEN contains(rs_vehicle_text, '变型运输机') AND NOT contains(rs_vehicle_text, '拖拉机') THEN '（拖拉机）'
    ELSE '' END`;

const mapLiteral = (entries: Record<string, string>) => `MAP {${Object.entries(entries).map(([code, name]) => `${sqlString(code)}: ${sqlString(name)}`).join(', ')}}`;
const TYPES = mapLiteral(VEHICLE_TYPE_NAMES);
const CLASSES = mapLiteral(VEHICLE_CLASS_NAMES);
const PLATE_KINDS = mapLiteral(PLATE_KIND_NAMES);

/**
 * A state cell's parts: runs of letters (codes) and runs of other characters (words), split at punctuation and spaces.
 * 注销(E), E-注销 and E注销 are each a code and a word.
 */
const STATE_PARTS = '[A-Za-z]+|[^A-Za-z\\s,，、;；/|()（）\\[\\]【】:：\\-—_.。]+';

/**
 * The deregistration words over_asset.vehicle reads by default (its deregisteredStatuses), matched exactly against each
 * state a cell names. A state written as one of them stays as written.
 */
export const DEREGISTERED_STATES = ['注销', '报废', '已注销', '已报废', '强制注销', '注销登记', '已注销登记', '报废注销',
  '已报废注销', '报废注销登记', '注销报废', '已注销报废', '灭失', '已灭失', '灭失注销'] as const;

/** What a deregistration is: 注销, 报废 (拆解 is a scrapping: 已回收拆解), 灭失. */
const DEREGISTRATION_CORE = '注销|报废|灭失|拆解';
/**
 * What may stand beside it in a state that says it is done (已, 已办理, 完毕, 状态, 手续, 回收, 强制, 作…处理, a date's
 * digits): 报废已注销, 已报废回收, 已办理注销手续, 注销完毕, 注销状态, 已强制报废, 已作报废处理, 2023年注销. Anything else
 * (未, 不, 待, 拟, 中, 申请, 撤销, 恢复, 达到…标准, 逾期) leaves the state as written, which no list names: 注销中, 待报废,
 * 未注销, 撤销注销, 申请注销, 达到报废标准 are states of a car still registered.
 */
const DEREGISTRATION_COMPANIONS = ['已经', '业已', '已予', '予以', '已', '办理', '办结', '办', '作', '做', '完毕', '完成', '完结', '状态', '登记', '手续',
  '处理', '回收', '强制', '车辆', '机动车', '了', '的', '于', '年', '月', '日', '[0-9]+'];
const DEREGISTRATION_WORDING = `(?:${[...DEREGISTRATION_COMPANIONS, DEREGISTRATION_CORE].join('|')})+`;
/** A part that negates, defers or undoes the deregistration it names (未注销, 注销中, 待报废, 撤销注销, 恢复注销). */
const NEGATING = '未|不|没|非|无|待|拟|撤|恢复|取消|申请|正在|中';
/** A note with no deregistration word that undoes or defers the one beside it: 注销（已撤销）, 报废（申请中）, 注销(待审核). */
const UNDOING_NOTE = '撤|恢复|取消|申请|待|拟|正在|中|审核|审批|未办|未完成|未结';

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
  END, rs_vehicle_text || ${EVERYDAY_TYPE_CLASS})`))),

  // Internal. Whether a state (a word part, or a code's name) says the vehicle was deregistered: one of the words, with
  // only the companions that say it is done beside it.
  defineMacro('rs_vehicle_deregistration', ['p'],
    `regexp_full_match(p, ${sqlString(DEREGISTRATION_WORDING)}) AND regexp_matches(p, ${sqlString(DEREGISTRATION_CORE)})`),
  // Internal. The deregistrations a state names (注销, 报废 (拆解 is one), 灭失), each once.
  defineMacro('rs_vehicle_deregistration_kinds', ['p'],
    `list_distinct(list_transform(regexp_extract_all(p, ${sqlString(DEREGISTRATION_CORE)}), lambda rs_kind: CASE rs_kind WHEN '拆解' THEN '报废' ELSE rs_kind END))`),

  // The states a cell names, in its order, each once: E → [注销]; 注销(E) → [注销]; GQ → [违法未处理, 逾期未检验];
  // 达到报废标准 → [达到报废标准]. A run of letters that is not all state codes stays as written. NULL when empty.
  // A deregistration written otherwise than the words of DEREGISTERED_STATES is read as the word it says, 注销, 报废 or
  // 灭失 (报废已注销 → [注销], 已作报废处理 → [报废], 已回收拆解 → [报废]): until 2026-12-06 such a car still counted,
  // and its 注销日期 before the period was noted as a contradiction (需核实). A cell whose other part negates or undoes
  // that deregistration (注销（已撤销）, 报废（申请中）, 未注销（注销登记）) says two things: it is kept whole as one state,
  // which no list names, and the vehicle counts (with its 注销日期 before the period, noted 需核实).
  defineMacro('rs_vehicle_states', ['s'], bindOnce('rs_to_simplified(rs_text(s))', 'rs_cell', bindOnce(
    `flatten(list_transform(regexp_extract_all(rs_cell, ${sqlString(STATE_PARTS)}), lambda rs_part:
       CASE WHEN regexp_full_match(upper(rs_part), '[${STATE_LETTERS}]+')
            THEN list_transform(string_split(upper(rs_part), ''), lambda rs_letter: [${STATE_NAMES.map(sqlString).join(', ')}][strpos('${STATE_LETTERS}', rs_letter)])
            ELSE [rs_part] END))`,
    'rs_parts', bindOnce(
      `list_transform(rs_parts, lambda rs_state: {'state': rs_state, 'deregistration': rs_vehicle_deregistration(rs_state)})`,
      'rs_read', bindOnce(
        `CASE WHEN list_bool_or(list_transform(rs_read, lambda rs_s: rs_s.deregistration))
                   AND list_bool_or(list_transform(rs_read, lambda rs_s: NOT rs_s.deregistration AND CASE
                     WHEN regexp_matches(rs_s.state, ${sqlString(DEREGISTRATION_CORE)})
                       THEN regexp_matches(rs_s.state, ${sqlString(NEGATING)}) AND list_has_any(rs_vehicle_deregistration_kinds(rs_s.state),
                         flatten(list_transform(list_filter(rs_read, lambda rs_d: rs_d.deregistration), lambda rs_d: rs_vehicle_deregistration_kinds(rs_d.state))))
                     ELSE regexp_matches(rs_s.state, ${sqlString(UNDOING_NOTE)}) END))
              THEN [rs_cell]
              ELSE list_transform(rs_read, lambda rs_s: CASE
                WHEN NOT rs_s.deregistration OR rs_s.state IN (${DEREGISTERED_STATES.map(sqlString).join(', ')}) THEN rs_s.state
                WHEN contains(rs_s.state, '注销') THEN '注销' WHEN regexp_matches(rs_s.state, '报废|拆解') THEN '报废' ELSE '灭失' END) END`,
        'rs_states', `nullif(list_filter(rs_states, lambda rs_state, rs_index: list_position(rs_states, rs_state) = rs_index), [])`))))),
];
