// statedListSpan: when a reference list was drawn, as its file, folder or sheet name states it (over_asset.vehicle
// reads two lists naming one car by the later). A name stating no date, or only a bare number, dates nothing.
import { describeMacroTable, useNormalisationDatabase } from '../normalise/normalise-test-kit.ts';
import { statedListSpan } from '../../scanner/load/list-dates.ts';

const connection = useNormalisationDatabase();
const span = (first: string | null, last: string | null) => ({ first, last });

describeMacroTable('statedListSpan', connection, {
  expression: statedListSpan('v', 'NULL::VARCHAR'),
  accepted: [
    { input: '2025年机动车登记信息.csv', expected: span('2025-01-01', '2025-12-31'), note: 'a year' },
    { input: '2026年9月机动车登记信息.csv', expected: span('2026-09-01', '2026-09-30'), note: 'a month' },
    { input: '机动车登记信息（2026年9月15日）.xlsx', expected: span('2026-09-15', '2026-09-15') },
    { input: '车管导出20260915.csv', expected: span('2026-09-15', '2026-09-15') },
    { input: '车管导出2026-09-15.csv', expected: span('2026-09-15', '2026-09-15') },
    { input: '车管2026.9.csv', expected: span('2026-09-01', '2026-09-30') },
    { input: '202609车辆.csv', expected: span('2026-09-01', '2026-09-30') },
    { input: '２０２６年９月车辆.csv', expected: span('2026-09-01', '2026-09-30'), note: 'full-width digits' },
    { input: '2026年1-9月车辆注销.csv', expected: span('2026-01-01', '2026-12-31'), note: 'a range within a year: the year' },
    { input: '2025年度比对结果（2026年9月导出）.csv', expected: span('2025-01-01', '2026-09-30'), note: 'two dates: all the time between' },
    { input: '2026年9月/机动车登记信息.csv', expected: span('2026-09-01', '2026-09-30'), note: 'a folder' },
  ],
  rejected: [
    { input: '机动车登记信息.csv', expected: span(null, null) },
    { input: '2026/机动车.csv', expected: span(null, null), note: 'a bare number' },
    { input: '2025_2026.csv', expected: span(null, null) },
    { input: '编号12320261234567.csv', expected: span(null, null), note: 'digits of a longer number' },
    { input: '2026年13月.csv', expected: span(null, null), note: 'no such month' },
  ],
});
