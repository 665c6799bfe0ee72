// The words and patterns the category macros (category-macros.ts) read coded values by: programs, roll statuses,
// yes/no answers, heads, and the cells that say a list's row is out of scope (a 迁出, a 缓刑, a failed payment …).

/** Punctuation that decorates category values: '特困供养(分散)', '农村-低保', '【五保】'. */
export const DECORATION = '[()\\[\\]{}<>\\x{3010}\\x{3011}\\x{3014}\\x{3015}\\x{300A}\\x{300B}/\\\\_.,;:\\x{00B7}\\x{3001}-]';
/** Place words (and 居民, as in 城市居民最低生活保障) that may precede or follow the keyword. */
const AREA_WORD = '农村|城市|城镇|城乡|居民';
const DESCRIBING_WORD = '户|对象|人员|人口|家庭|成员|救助|供养|分散|集中';

/**
 * 分类施保: the class a province files a 低保 household under (农村低保一类, 城市低保B类, 低保(全额), 重点保障对象, 单人保),
 * or how a member was taken in alone (单人施保, 重残单列, 兜底保障). Without these a roll that states its classes, as many
 * do, was all program-unknown: a data-quality finding for every person, and no deposit or standard checks for anyone
 * (until 2026-12-02 so for 单人施保, 重残单列 and 兜底: a 2000 元 payment against a 700 元 standard went unreported).
 */
const DIBAO_CLASS_WORD = '[一二三四五六1-6A-Fa-f][类档级]|全额|差额|重点保障|重点|一般保障|一般|单人保|单人户|单人施保|单独施保|单人纳入|单独纳入|整户保|整户|分类施保'
  + '|重残单列|重度残疾|重残|单列户|单列|残疾|兜底保障|兜底';
/** The care level a 特困 person is filed under (特困供养(全自理), 分散供养特困(半护理)). */
const TEKUN_CARE_WORD = '全自理|完全自理|半自理|部分自理|生活自理|全护理|半护理|全失能|半失能|失能|生活不能自理|不能自理';

/**
 * Whole-value grammars, not substring tests: '低保边缘户' (a different programme) and '非低保'
 * must stay unknown. Optional area, describing and class words may surround the keyword.
 */
export const TEKUN_PATTERN = `(?:${AREA_WORD}|${DESCRIBING_WORD}|${TEKUN_CARE_WORD})*(?:特困|五保|三无|分散供养|集中供养)(?:${AREA_WORD}|${DESCRIBING_WORD}|${TEKUN_CARE_WORD})*`;
export const DIBAO_PATTERN = `(?:${AREA_WORD}|${DIBAO_CLASS_WORD})*(?:低保|最低生活保障)(?:${AREA_WORD}|户|对象|人员|人口|家庭|成员|金|${DIBAO_CLASS_WORD})*`;

/**
 * A roll's 城乡类别 (城乡属性, 户籍性质, 户口性质) as villages write it: the area (农村, 城镇), the 户口 it stands for (农业,
 * 非农业户口), or the 低保 of that area (农村低保). Whole values: 居民户口 (the one 户口 since the reform), 城乡 or anything
 * else says no area, and the list's stated area (or none) is read instead.
 */
export const RURAL_HOUSEHOLD_PATTERN = '(?:农村|农业|乡村|农)(?:户口|户籍|人口|居民|家庭|户|低保|最低生活保障)?';
export const URBAN_HOUSEHOLD_PATTERN = '(?:城市|城镇|城区|市区|非农业|非农)(?:户口|户籍|人口|居民|家庭|户|低保|最低生活保障)?';

/**
 * Whole values that mean paid this month: a roll's note of why a row changed (新增, 续保, 提标 …) is no status but the
 * person is paid all the same; each was a medium bad-value on a correct row until 2026-12-02. Not status words (a 停保
 * beside 新增 is read by IN_PAYMENT_WORD's classes, not as paid).
 */
export const IN_PAYMENT = [
  '在保', '正常', '保障中', '享受中', '正常享受', '正常保障', '在册', '有效', '新增', '新纳入', '续保', '续期', '复核通过',
  '提标', '降标', '调标', '增发', '减发', '变更', '正常发放', '发放中',
];
export const SUSPENDED = ['停保', '暂停', '停发', '暂停发放', '暂停保障', '已停保'];
/**
 * 历史 (历史数据, 历史记录) is a row no longer current, kept as history beside his current row if he has one. Until
 * 2026-12-06 it was unreadable, so 在保 and reported: a second household of his (a false high duplicate.two-households),
 * a dead former member found still paid. A whole value only: 历史遗留 or 历史欠发 in a note says nothing of the row.
 */
export const WITHDRAWN = [
  '退保', '退出', '注销', '取消', '已退保', '已退出', '已注销', '已取消', '退出保障', '终止', '终止保障', '历史', '历史数据', '历史记录',
];
/**
 * A status with a note (停保（死亡）, 已停保-死亡, 死亡注销) is read by the status words it holds, when they are all of one
 * class: read as 在保 and reported, such a row was a false deceased.recipient finding and an active member who shrank
 * the others' shares.
 */
export const IN_PAYMENT_WORD = '在保|正常|保障中|享受中|在册';
export const SUSPENDED_WORD = '停保|暂停|停发';
/**
 * 作废, 失效 (无效: STATUS_REWRITES) and 删除 (已删除, 删除（死亡）) make a row void, read as 注销 and 取消 are; 误删除,
 * 拟删除 and 恢复 are qualified. 归档 (已归档) is no such word: a case is 归档 when its approval is done (一户一档) as
 * when it is closed, and read as 退保 a roll so exported would be checked by nothing; it stays unreadable (在保, reported).
 */
export const WITHDRAWN_WORD = '退保|退出|注销|取消|终止|作废|失效|删除';
/**
 * Status words with a negation of their own, which the qualifier test would take for a status negated (as in 未停保,
 * keeping the 在保 fallback): each is written as the status it means before the words are read. Until 2026-12-06 a
 * 低保 row 不在保 or 无效 beside the person's 特困 row was a false high duplicate.dibao-and-tekun.
 * - A negated 在保 (不在保, 非在保, 未在保, 不再在保, 不在册): not paid now. 停保, not 退保: it says no more than that, not
 *   that he left the roll or why. Every check, the carry-over (自动销号 of a finding no longer raised) and the household
 *   shares read the two alike, as not 在保; only the evidence shows which. A negated negative (不停保, 未退保, 非退保) is
 *   not one: its 不 still qualifies.
 * - 无效, a void row, as 作废: 退保, as 注销 is, not 停保, a pause he may come back from. Its 无 is the word's own (有效 is
 *   在保); 未作废 and 未失效 are still qualified.
 */
export const STATUS_REWRITES: readonly (readonly [pattern: string, status: string])[] = [
  ['(?:不|非|未|没有?)再?(?:在保|在册)', '停保'], ['无效', '作废'],
];
/**
 * A move to the other roll (转特困, 已转为特困; 转低保): read as 转特困 or 转低保, which the loader (special-columns.ts)
 * makes 退保 on the roll he left — he left it, as on a move out of the area, not paused on it (repeated-lists.ts finds
 * such rows kept on the old roll) — and unreadable on the roll he joined or where the program is unknown: a 特困 row
 * written 转特困 is his arrival, and read as 退保 he would be checked by nothing. Until 2026-12-06 a 低保 row 已转特困
 * was 在保 and a false high duplicate.dibao-and-tekun. A value naming both rolls (低保转特困, 由特困转为低保) stays
 * unreadable, as do 转入 (an arrival) and 特困 alone.
 */
export const TRANSFER_WORD = '转(?:为|成|到|至)?(?:特困|五保|低保|最低生活保障)';
export const TO_TEKUN_WORD = '转(?:为|成|到|至)?(?:特困|五保)';
export const TRANSFER_BETWEEN = `(?:特困|五保|三无|低保|最低生活保障|供养)[^转]*${TRANSFER_WORD}`;
/**
 * A move out of the area (迁出, 户口迁出, 已外迁, 迁往外省): 低保 and 特困 go with the 户籍, so the roll no longer pays the
 * person and he leaves its households. Read as 退保 when the value holds no status word (a status word beside it
 * decides: 停保（迁出） is 停保, 在保（已迁出） unreadable). 迁入 is no move out. Until 2026-12-03 such a person was read as
 * 在保 and reported: still checked, and counted in his old household's shares. 转出 (since 2026-12-06) is a transfer
 * out, to another area's roll or another programme's, read as 迁出 is; 转入 is not.
 */
export const MOVED_OUT_WORD = '迁出|外迁|迁往|迁走|迁离|转出';
/**
 * Words that negate, reverse, merely propose or question a status (未停保, 恢复在保, 撤销注销, 拟退保, 待注销, 申请退保,
 * 停保?): such a value keeps the 在保 fallback, so the person is still checked and the value reported.
 */
export const STATUS_QUALIFIER_WORD = '未|不|非|无|没|否|拟|待|预|申请|建议|提请|审核|审批|恢复|撤销|撤回|解除|误|错|\\?';

/** 有 (a 备案 there is), 已备 (已备案 cut short): a 近亲属备案 column asks one thing, whether he was filed. */
export const YES = ['是', 'y', 'yes', 'true', '1', '1.0', '已备案', '√', '✓', '✔', '有', '已备'];
export const NO = ['否', 'n', 'no', 'false', '0', '0.0', '未备案', '×', '✗', '✘'];
/** The day or month a filing is dated (2023年3月, 2023.3, 2023-03-01): a year of 19xx or 20xx first. */
export const FILING_DATE = '(?:19|20)\\d{2}(?:年|[./-])?(?:\\d{1,2}(?:月|[./-])?(?:\\d{1,2}日?)?)?';
/** Who took the filing, or where (乡镇备案, 县民政局备案). */
const FILER = '(?:县|区|市|乡镇|乡|镇|街道|村|社区|民政局|民政所|民政办|民政)';
/**
 * A statement that he was filed: 备案 or 报备, done (已, 有), when (2023年3月已备案, 已备案2023.3), by whom (乡镇备案),
 * registered (已登记备案) or ticked (√已备案). A whole-value grammar of these words alone: a value that negates, proposes
 * or asks (未备案, 没有备案, 不需备案, 拟备案, 待备案, 申请备案, 备案?) holds a word outside it, and is no yes.
 */
export const FILED_STATEMENT = `(?:是|√|✓|✔)?(?:${FILING_DATE})?(?:已经?在?|在|有)?${FILER}*(?:${FILING_DATE})?(?:登记)?(?:备案|报备)(?:登记)?(?:${FILING_DATE})?`;
/** An answer in one pair of brackets (【是】, (否), [是]): rs_text has made full-width brackets half-width. */
export const ENCLOSED = '^[(\\[\\x{3010}](.*)[)\\]\\x{3011}]$';
/** Full stops and the like after an answer (是。, 否.). */
export const TRAILING_STOPS = '[\\x{3002}.!,;\\x{FF61}]+$';
/** An answer and a note in brackets after it (是(已备案)): the answer, the note. */
export const WITH_NOTE = '^([^()]+)\\(([^()]*)\\)$';
/** An answer and a note after a comma, a colon or a slash (是，已备案: rs_text has made the comma half-width). */
export const WITH_APPENDED_NOTE = '^([^(),;:/\\x{3001}]+)[,;:/\\x{3001}]([^(),;:/\\x{3001}]+)$';

/**
 * The head's row: as written, 家长 and 户长 as older rolls write it, 本户户主, 本身 and 自己 as township exports write
 * it, and GB/T 4761-2008's codes 01 (本人) and 02 (户主), which systems export in place of the words (until 2026-12-02
 * such a roll's every household was without a head; until 2026-12-06 one headed by 本户户主, 户长, 本身 or 自己 was:
 * a data_quality.household-no-head finding, and no head to pay or to name the household by). Read in the roll's
 * 与户主关系 only: a kinship list's 本人 is the cadre himself (relation-vocabulary.ts), no head of anyone's.
 */
export const HEAD_RELATIONS = ['户主', '本人', '申请人', '户主本人', '本人户主', '本人即户主', '本户户主', '户长', '家长', '本身', '自己', '01', '02'];
/**
 * Those codes as a number cell keeps them, without the leading zero (02 → 2). A one-digit code is also the standard's
 * class of a relation (1 配偶, 2 子): 1 and 2 are heads only in a roll column written in its two-digit codes, every
 * value RELATION_CODE and one of them a member's (MEMBER_RELATION_CODE: 10 配偶, 20 子 …; shortened-head-codes.ts).
 */
export const SHORTENED_HEAD_CODES = ['1', '2'];
export const RELATION_CODE = '0?[12]|1[0-2]|[2-9][0-9]';
export const MEMBER_RELATION_CODE = '1[0-2]|[2-9][0-9]';

/**
 * A 注销户籍 list's 注销原因. A death (宣告死亡 included) says 死 or one of its words; the other reasons a 户口 is
 * cancelled are named by theirs (迁出, 出国(境)定居, 参军, 重复户口, 登记错误, 加入外国籍, 宣告失踪), or by why he moved:
 * 婚嫁, 升学 (大中专院校录取), 投靠亲属, 工作调动, 转为现役军人, 购房落户, 被判处徒刑. Until 2026-12-06 those were
 * unclear, read as deaths: a high deceased finding and a repayment asked of a living family.
 */
export const DEATH_WORD = '死|亡故|病故|病亡|身故|身亡|阵亡|去世|逝世|过世|牺牲|遇难|殉职';
export const NOT_DEATH_WORD = '迁|出国|出境|定居|移居|移民|参军|入伍|服役|兵役|现役|当兵|随军|婚|嫁|升学|入学|录取|考入|考取|院校'
  + '|投靠|投亲|团聚|收养|调动|招工|就业|落户|重复|双重|错误|误登|错登|更正|虚假|冒名|国籍|外籍|失踪|判刑|判处|徒刑|服刑|劳教|劳动教养';
/**
 * Measures on a 服刑/羁押 list that keep a person out of prison (社区矫正, pre-trial release); a revoked one (撤销缓刑,
 * 收监执行) puts him back in. 保外就医 is the commonest 暂予监外执行, and a penalty 单处 (单处罚金, 单处剥夺政治权利)
 * is served outside: until 2026-12-06 either was read as held, a false high imprisoned finding.
 */
export const OUT_OF_CUSTODY_WORD = '缓刑|假释|管制|监外|保外|单处|社区矫正|在矫|入矫|取保|监视居住';
export const BACK_IN_CUSTODY_WORD = '撤销|收监';
/**
 * A 执行方式 that says he has left prison (已释放, 刑满释放, 出狱) or a 看守所 (已出所, 解除羁押); one still to come (待释放,
 * 拟释放, 即将刑满) does not. 已出所, not 出所: a 派出所 holds the word. Until 2026-12-06 a detainee 已出所 with no date was
 * read as still held.
 */
export const RELEASED_WORD = '释放|出狱|出监|刑满|已出所|解除羁押';
export const RELEASE_TO_COME = '(?:待|拟|将|预计)(?:释放|出狱|出监|刑满)';
/**
 * A 代发 result that says the money did not reach the account (失败, 退回, 账户已销户 …), was sent back (退汇), could not
 * be paid into it (户名不符, 账号不存在, 无此账户, 账户状态异常, 账号错误) or was not sent (停发, 待发放, 不予发放). Until
 * 2026-12-06 those were counted as paid in a dead man's overpayment. 未成功 is one though it holds 成功; a denied word is
 * none (未冻结, 无异常: rs_payment_failed).
 */
export const PAYMENT_FAILED_WORD = '失败|不成功|未成功|退回|退票|退款|退汇|未发|待发|缓发|停发|停止发放|不发放|不予发放|未到账|未入账|作废|撤销|止付'
  + '|销户|注销|冻结|不符|不存在|无此|无效|错误|有误|异常';
/**
 * A 发放项目 other than the 低保/特困 benefit itself: a bank's 惠民惠农 一卡通 file pays 高龄津贴, 残疾人两项补贴, 耕地地力
 * 保护补贴, 城乡居民养老金, 价格临时补贴 … into the same account, none of it 低保金 a deceased's family is asked to repay.
 * A cell that names the benefit itself (低保金, 特困供养金, 保障金) is never taken out (低保户高龄补贴 is; 残疾人低保金 is not).
 */
export const OTHER_BENEFIT_WORD = '高龄|残疾|耕地|地力|养老|临时救助|价格|物价|取暖|慰问|孤儿|优抚|抚恤|医疗|助学|教育|住房|危房|退耕|生态|护林|计生|计划生育|独生子女|粮食|良种|农机|燃气|电费';
export const OWN_BENEFIT_WORD = '低保金|保障金|供养金|最低生活保障金|特困供养|五保金|分类施保';
/** A 不动产 record's 权利状态 when the right is no longer held (历史, 注销, 灭失); 现势, 查封 or 抵押 are held. */
export const RIGHT_ENDED_WORD = '历史|注销|灭失|失效|已转移|已过户';
/**
 * A 注销, 解除 or 失效 that ends a charge on the right, not the right: 现势（抵押已注销）, 现势（注销查封）, 查封已解除,
 * 预告登记失效, 异议登记注销. The right is still held. Until 2026-12-07 such a status was read as 注销 and the home
 * refused as no longer owned: a second home or a shop went unfound. The charge's word and the ending word may stand
 * either way round, a few characters apart within one remark (not across a bracket or a separator).
 */
const CHARGE_WORD = '抵押|(?:预|轮候)?查封|预告|异议|限制|冻结|扣押|地役|居住权|租赁';
const CHARGE_ENDED_WORD = '注销|解除|失效|撤销';
const WITHIN_REMARK = '[^()\\[\\]\\x{FF08}\\x{FF09}\\x{3010}\\x{3011},;:/\\x{FF0C}\\x{FF1B}\\x{FF1A}\\x{3001}]{0,6}?';
export const CHARGE_ENDED = `(?:${CHARGE_WORD})${WITHIN_REMARK}(?:${CHARGE_ENDED_WORD})|(?:${CHARGE_ENDED_WORD})${WITHIN_REMARK}(?:${CHARGE_WORD})`;
/**
 * A payroll roster's 人员状态 of someone no longer paid by it (离职, 辞退, 开除, 除名, 解除/终止劳动合同, 减员, 死亡, 病故);
 * 在职, 退休, 退职 (paid a 退职生活费 from public funds, as a pension) and 调出 are read as paid. Until 2026-12-03 终止劳动合同,
 * 合同终止, 除名 and a death written 病故 or 已故 counted a member who had left as 财政供养, and until 2026-12-06 减少 (a
 * 变动情况), 辞聘, 清退 and 不在职.
 */
export const OFF_PAYROLL_WORD = '离职|辞职|辞聘|辞退|开除|除名|解聘|解除|终止|减员|减少|清退|(?:不|非)再?在职|停发|死亡|去世|病故|亡故|身故|已故'
  + '|逝世|过世|注销';
/**
 * A leaving that has not happened: proposed (拟减员, 建议辞退), pending (待离职, 离职审批中, 离职批准中, 减员待审批), refused
 * (辞职未获批准, 离职审批未通过, 驳回) or revoked (解聘（已撤销）, 撤回辞职, 取消减员). He is still paid: beside such a word an OFF_PAYROLL_WORD
 * sets nothing aside, as the roll's statuses read theirs (STATUS_QUALIFIER_WORD). Until 2026-12-07 such a row was set
 * aside by its 离职 or 减员 alone, a missed high finding. 待 of 待遇 (减员，待遇停发) is no pending; 已审批 or 批准 alone is
 * an approval, not one. An application (申请辞职) is pending too, unless it says it was approved: LEAVING_APPLIED_WORD.
 */
export const LEAVING_NOT_DONE_WORD = '拟|待(?:[^遇]|$)|预|建议|审批中|批准中|审核中|办理中|公示中|审[批核]未通过|未获?批|未经批准|不予?批准|不同意|未同意|驳回'
  + '|撤销|撤回|已撤|取消|恢复|暂缓|误|错|\\?|？';
/**
 * A leaving applied for (申请辞职, 离职申请, 减员报批): pending, he is still paid, unless the cell says the application was
 * granted (LEAVING_APPROVED_WORD: 申请离职（已批准）, 申请辞职(已同意), 减员申请已审批通过, 离职申请已办结), a leaving done.
 * Until 2026-12-08 申请 alone kept the row whatever followed it: a member who had left before P, a false high finding.
 */
export const LEAVING_APPLIED_WORD = '申请|提请|报批';
export const LEAVING_APPROVED_WORD = '批准|同意|通过|办结|获批';
/**
 * An approval denied or still to come (未批准, 不同意, 未获批准, 审批未通过, 未予同意, 待批准, 批准中): taken out before
 * LEAVING_APPROVED_WORD is looked for (RE2 has no look-behind), so it grants nothing. Most of these keep the row by
 * LEAVING_NOT_DONE_WORD as well; 未通过 does not there, as 试用期未通过，辞退 is a leaving done.
 */
export const APPROVAL_NOT_GIVEN = '(?:未|不|没|无|否|待)[予以获经被曾有能得]*(?:批准|同意|通过|办结|批)|(?:批准|同意|通过|办结)中';
/** A 解除 that lifts a sanction or a measure (解除处分, 解除留用察看): he is still employed and paid. */
export const LIFTED_SANCTION = '解除(?:党纪|政务|行政)?(?:处分|警告|记过|记大过|降级|撤职|留用察看|留党察看|留置|停职|隔离|冻结|限制|强制措施)';
/**
 * A payroll roster's 人员类别 of a 乡村公益性岗位 (护林员, 保洁员 …): a post that 就业援助 gives people of poor households,
 * often 低保 members, paid from public funds but not 财政供养 (在编) staff. 编外, 临时工 and 劳务派遣 are left counted.
 */
export const WELFARE_POST_WORD = '公益性|公益岗|护林|保洁|护路|护河|巡河|河道管护|管护员|生态岗';
/**
 * A value that also names the establishment is staff whatever post it names: 事业编制（护林员）, 工勤人员（保洁）, 全额事业
 * 编制保洁工, 全额拨款事业编制（公益性）. 编制, 在编, 参公 or 公务员 decide even beside 公益性岗位; 事业, 工勤 and 行政 name
 * the kind of employer too (机关事业单位公益性岗位), and give way to the post named as such. A denied 编制 (非编制, 编制外,
 * 不在编) and 行政村 or 公益事业 name none. Until 2026-12-06 such staff were set aside as 公益性岗位, a missed high finding.
 */
export const ESTABLISHED_WORD = '编制|在编|编内|参公|参照公务员|公务员';
export const STAFF_CLASS_WORD = '事业|工勤|行政';
export const NAMES_NO_ESTABLISHMENT = '(?:非|不|无|未|没有?)(?:在编|编制|编内)|编制外|行政村|公益事业';
export const WELFARE_POST_NAME = '公益性?岗';
/**
 * A payroll 人员类别 (or 岗位类别) that says only how a person is hired, not what post he holds: 编外, 临时工, 合同制,
 * 劳务派遣人员, 其他, or nothing. Beside it the next column decides (岗位「保洁员」: a 公益性岗位); a class that says more
 * (行政编制, 工勤人员, 管理岗位) or that holds any other word decides itself, and the person stays counted.
 */
const VAGUE_STAFF_KIND = '(?:编外|非在编|不在编|非编制|无编制|临时|临聘|合同|聘用|聘任|外聘|自聘|劳务|派遣|购买服务|其他|其它)';
const VAGUE_STAFF_KIND_FILLER = '(?:人员|职工|员工|工人|用工|工|人|制|类|政府|\\s)';
export const VAGUE_STAFF_KIND_PATTERN = `${VAGUE_STAFF_KIND_FILLER}*${VAGUE_STAFF_KIND}(?:${VAGUE_STAFF_KIND}|${VAGUE_STAFF_KIND_FILLER})*`;
/**
 * A payroll 单位 that is a list of 公益性岗位 (某某镇公益性岗位, 某村公益岗), not an employer: read where no kind column says more.
 * 公益事业发展中心, 公益一类 or 公益性公墓 name no post, and an office after the word (公益性岗位管理服务中心) is a real
 * employer whose staff may be 在编.
 */
export const WELFARE_POST_UNIT_WORD = '公益性?岗';
export const WELFARE_POST_OFFICE = '公益性?岗.*(?:中心|办公室|站|所|局|科|股|处|委员会|管理|服务)';
/**
 * The 房屋用途 words over_asset.property counts by default (its params: a county's config may replace them), matched as
 * substrings. 不动产 lists name a house's use in more words than 住宅 or 商业: until 2026-12-07 a 商铺, 门面房, 厂房 or
 * 写字楼 raised no finding, and a 住房, 别墅 or 公寓 beside the family's 住宅 no second home. A dwelling: 住宅, 商住 (a
 * home first), 商品房 (sold on the market, as 商品住宅 is), and the houses people live in as lists write them.
 */
export const RESIDENTIAL_USAGES = ['住宅', '商住', '商品房', '住房', '别墅', '公寓', '民房', '私房', '自建房', '农房'];
/**
 * 商业, 办公, 商服, 工业 (spec checks.md) and what they are written as: 商服's GB/T 21010 kinds (商务金融, 批发, 餐饮, 旅馆,
 * 娱乐; 零售商业 holds 商业), 仓储 (of 工矿仓储), a shop (商铺, 门面, 店面, 铺面, 店铺, 商场, 营业用房), an office (写字楼), a
 * hotel (宾馆, 酒店), a factory or store (厂房, 车间, 仓库).
 */
export const NON_RESIDENTIAL_USAGES = [
  '商业', '办公', '商服', '工业', '金融', '批发', '餐饮', '旅馆', '娱乐', '仓储',
  '商铺', '门面', '店面', '铺面', '店铺', '商场', '营业', '写字楼', '宾馆', '酒店', '厂房', '车间', '仓库',
];
/** Not counted: 住宅车库 is a garage, not a second home; 住宅附属用房 a shed or kitchen beside the house. */
export const IGNORED_USAGES = ['车库', '车位', '储藏室', '附属用房', '附属房'];
/** The words that name an ignored usage beside the property's own (住宅及车库, 住宅（含车位）, 商业/储藏室): its extra. */
export const EXTRA_CONNECTOR = '(及|和|与|、|/|,|\\+|含|带|包括)\\s*';
