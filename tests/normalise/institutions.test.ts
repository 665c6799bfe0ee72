// rs_institution_key: one bank however a deposits list spells it (short name, full name, a branch), and different
// institutions kept apart, so that a later 核对 round replaces only the same institution's earlier balance.
import { describeMacroTable, useNormalisationDatabase } from './normalise-test-kit.ts';

const connection = useNormalisationDatabase();

describeMacroTable('rs_institution_key', connection, {
  expression: 'rs_institution_key(v)',
  accepted: [
    { input: '中国农业银行', expected: '中国农业银行' },
    { input: '农行', expected: '中国农业银行', note: 'short name' },
    { input: '农业银行城关支行', expected: '中国农业银行', note: 'a branch, 中国 left out' },
    { input: '中国农业银行股份有限公司XX县支行', expected: '中国农业银行' },
    { input: '工行营业部', expected: '中国工商银行' },
    { input: 'XX县农行营业部', expected: '中国农业银行', note: 'a short name after a place' },
    { input: '城关镇建行', expected: '中国建设银行', note: 'a short name after a place' },
    { input: '中国工商银行', expected: '中国工商银行' },
    { input: '建行', expected: '中国建设银行' },
    { input: '中行', expected: '中国银行' },
    { input: '中国银行XX支行', expected: '中国银行' },
    { input: '交行', expected: '交通银行' },
    { input: '邮储银行', expected: '中国邮政储蓄银行' },
    { input: '中国邮政储蓄银行XX营业所', expected: '中国邮政储蓄银行' },
    { input: '邮政局', expected: '中国邮政储蓄银行', note: '邮储 at a post office counter' },
    { input: 'XX县农村商业银行股份有限公司', expected: '农村商业银行' },
    { input: '农商行', expected: '农村商业银行' },
    { input: 'XX农商银行城关支行', expected: '农村商业银行' },
    { input: 'XX县农村信用合作联社', expected: '农村信用社' },
    { input: '农信社', expected: '农村信用社' },
    { input: '中国光大银行XX支行', expected: '光大银行', note: 'another bank: up to 银行, 中国 dropped' },
    { input: '招商银行股份有限公司XX分行', expected: '招商银行' },
    { input: 'XX村镇银行', expected: 'XX村镇银行' },
    { input: '华泰证券股份有限公司XX营业部', expected: '华泰证券', note: 'no bank: the name before its legal form' },
  ],
  rejected: [
    { input: '中国农业发展银行', expected: '农业发展银行', note: 'not 农业银行' },
    { input: '福建行', expected: '福建行', note: 'a short name only at the start or after a place' },
    { input: 'YY村镇银行', expected: 'YY村镇银行', note: 'another 村镇银行 stays apart' },
    { input: '中国人民银行', expected: '人民银行' },
    { input: '支付宝', expected: '支付宝' },
    { input: '股份有限公司', expected: '股份有限公司', note: 'nothing before the legal form: as written' },
    { input: null, expected: null },
  ],
});
