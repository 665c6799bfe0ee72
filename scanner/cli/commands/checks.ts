// `rollsweep checks` lists the checks; `rollsweep checks show ID` shows one with its SQL and inputs.
import { datasetSpec } from '../../datasets/catalog.ts';
import { builtInChecks, findCheck } from '../../engine/registry.ts';
import { UsageError } from '../../errors.ts';
import type { CliIo } from '../main.ts';
import { EXIT } from '../report-error.ts';

export async function runChecksCommand(args: { action?: string; id?: string }, io: CliIo): Promise<number> {
  if (args.action === 'show') {
    if (!args.id) throw new UsageError('请给出检查项编号，例如 rollsweep checks show data_quality.id-invalid');
    const check = findCheck(args.id);
    if (!check) throw new UsageError(`没有编号为 ${args.id} 的检查项`, '运行 rollsweep checks 查看全部编号。');
    const params = check.params ? JSON.stringify(check.params.parse({})) : '（无）';
    io.out([
      `${check.id}  ${check.title}`,
      `类别 ${check.category}　严重程度 ${check.severity}　整改时限 ${check.deadlineDays} 天`,
      '', check.description, '',
      `文件依据：${check.basis}`,
      `整改措施（新发现问题的默认值，可在配置 checks.${check.id}.remedy 中修改）：${check.remedy}`,
      `需要的数据：${check.inputs.map((d) => `${datasetSpec(d).label} (${d})`).join('、')}`,
      ...(check.requiresColumns.length ? [`需要的列：${check.requiresColumns.join('、')}`] : []),
      ...(check.requiresConfig.length ? [`需要的配置：${check.requiresConfig.join('、')}`] : []),
      `参数（默认值，可在配置 checks.${check.id}.params 中修改）：${params}`,
      '', 'SQL：', check.sql.trim(), '',
    ].join('\n'));
    return EXIT.ok;
  }
  const rows = builtInChecks().map((c) => `${c.id.padEnd(34)}${c.category.padEnd(16)}${c.severity.padEnd(8)}${c.title}　${c.basis}`);
  io.out(`${'编号'.padEnd(32)}${'类别'.padEnd(14)}${'严重'.padEnd(6)}标题　文件依据\n${rows.join('\n')}\n`);
  return EXIT.ok;
}
