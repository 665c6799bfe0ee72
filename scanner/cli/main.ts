// rollsweep's command line: yargs with strict parsing; commands are small modules loaded when used.
import yargs from 'yargs';
import { UsageError } from '../errors.ts';
import { ROLLSWEEP_VERSION } from '../version.ts';
import { DEFAULT_MEMORY_LIMIT } from '../memory-limit.ts';
import { EXIT, reportError } from './report-error.ts';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  isTerminal: boolean;
}

/**
 * A reader that closed the pipe (`rollsweep sample … | head -3`) is not an error: what is left to print is dropped
 * and the command finishes its work (a scan or a sample is still recorded whole) with its own exit code, quietly, for
 * every command and yargs' own --help alike. Until 2026-12-06 the EPIPE was unhandled and printed a stack trace. Any
 * other stream error is still raised.
 */
const closedStreams = new Set<NodeJS.WriteStream>();
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closedStreams.add(stream);
  });
}
function writeUnlessClosed(stream: NodeJS.WriteStream, text: string): void {
  if (!closedStreams.has(stream)) stream.write(text);
}

const processIo: CliIo = {
  out: (text) => writeUnlessClosed(process.stdout, text),
  err: (text) => writeUnlessClosed(process.stderr, text),
  isTerminal: Boolean(process.stderr.isTTY),
};

/** Runs the CLI on an explicit argv (tests call this in-process) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const parser = yargs([...argv])
    .scriptName('rollsweep')
    .locale('zh_CN')
    .usage('rollsweep <命令> [选项]\n\n扫描低保、特困花名册，查找不应享受救助的对象，生成整改台账。')
    .option('ledger', { type: 'string', default: 'rollsweep.duckdb', describe: '台账文件 (DuckDB)', global: true })
    .command('scan', '扫描一个文件夹的导出数据并记入台账', (y) => y
      .option('input', { type: 'string', demandOption: true, describe: '存放导出文件的文件夹' })
      .option('period', { type: 'string', demandOption: true, describe: '检查月份 YYYY-MM，或 last-month（扫描日期的上一个月，定时任务用）' })
      .option('config', { type: 'string', describe: '配置文件 (默认 ./rollsweep.config.json)' })
      .option('out', { type: 'string', describe: '输出文件夹 (默认 ./out/YYYY-MM/)' })
      .option('as-of', { type: 'string', describe: '扫描日期 YYYY-MM-DD（默认今天；整改时限由此起算，逾期按此判断）' })
      .option('skip-bad-files', { type: 'boolean', default: false, describe: '跳过无法读取的文件（在汇总中列出）而不是中止' })
      .option('unmask', { type: 'boolean', default: false, describe: '台账工作簿中显示完整身份证号（记入本次运行）' })
      .option('checks-dir', { type: 'string', describe: '自定义检查项文件夹（*.json，每项一条 SELECT，在沙箱中运行）' })
      .option('memory-limit', { type: 'string', describe: `内存上限，如 1.5GB、4GB（默认 ${DEFAULT_MEMORY_LIMIT}；超出部分暂存到临时文件夹，扫描结束即删除）` })
      .option('json', { type: 'boolean', default: false, describe: '把 summary.json 打印到标准输出' })
      .option('fail-on', { choices: ['high', 'medium', 'low'] as const, describe: '有该级别及以上的未办结问题时退出码为 1（定时任务报警用）' })
      .option('quiet', { type: 'boolean', default: false, describe: '不打印进度' }),
    async (args) => setExit(await (await import('./commands/scan.ts')).runScanCommand(args, io)))
    .command('checks [action] [id]', '列出检查项；checks show ID 显示一项的说明与 SQL', (y) => y
      .positional('action', { type: 'string', choices: ['show'] as const })
      .positional('id', { type: 'string' }),
    async (args) => setExit(await (await import('./commands/checks.ts')).runChecksCommand(args, io)))
    .command('ledger', '整改台账：导出工作簿、导入填报、修改、查看一条问题', (y) => y
      .command('export', '导出某月的整改台账工作簿（每个乡镇一个）', (e) => e
        .option('period', { type: 'string', demandOption: true, describe: '月份 YYYY-MM' })
        .option('out', { type: 'string', demandOption: true, describe: '输出文件夹' })
        .option('split', { choices: ['township', 'village'] as const, default: 'township' as const, describe: '每个乡镇或每个村一个工作簿' })
        .option('as-of', { type: 'string', describe: '汇总表中逾期按此日期 YYYY-MM-DD 判断（默认该月扫描的扫描日期）' })
        .option('unmask', { type: 'boolean', default: false, describe: '显示完整身份证号（会记入台账）' }),
      async (args) => setExit(await (await import('./commands/ledger-export.ts')).runLedgerExportCommand(args, io)))
      .command('import <files..>', '导入各村填报后的台账工作簿', (e) => e
        .positional('files', { type: 'string', array: true, demandOption: true, describe: '工作簿文件 (.xlsx)' })
        .option('by', { type: 'string', describe: '导入人（默认当前登录用户）' }),
      async (args) => setExit(await (await import('./commands/ledger-import.ts')).runLedgerImportCommand({ ...args, files: args.files ?? [] }, io)))
      .command('set <id>', '修改一条问题的整改状态、备注、追回金额等', (e) => e
        .positional('id', { type: 'string', demandOption: true, describe: '问题编号 (RS…)' })
        .option('status', { type: 'string', describe: '整改状态：待核实 核实中 已整改 已清退 已追回 已备案 误报' })
        .option('note', { type: 'string', describe: '备注（标为误报时必填）' })
        .option('recovered', { type: 'string', describe: '已追回金额（元）' })
        .option('remedy', { type: 'string', describe: '整改措施' })
        .option('responsible', { type: 'string', describe: '责任人' })
        .option('deadline', { type: 'string', describe: '整改时限 YYYY-MM-DD' })
        .option('by', { type: 'string', describe: '操作人（默认当前登录用户）' }),
      async (args) => setExit(await (await import('./commands/ledger-set.ts')).runLedgerSetCommand({ ...args, id: args.id ?? '' }, io)))
      .command('show <id>', '查看一条问题：证据、历次扫描和全部变更记录', (e) => e
        .positional('id', { type: 'string', demandOption: true, describe: '问题编号 (RS…)' })
        .option('unmask', { type: 'boolean', default: false, describe: '显示完整身份证号（会记入台账）' }),
      async (args) => setExit(await (await import('./commands/ledger-show.ts')).runLedgerShowCommand({ ...args, id: args.id ?? '' }, io)))
      .demandCommand(1, '请指定 ledger 的子命令：export、import、set 或 show'))
    .command('sample', '抽查：按问题数加权抽取村、每村抽取家庭，生成抽查表', (y) => y
      .option('period', { type: 'string', describe: '月份 YYYY-MM（默认台账中最近一次扫描的月份）' })
      .option('villages', { type: 'number', demandOption: true, describe: '抽取的村数 N' })
      .option('households', { type: 'number', demandOption: true, describe: '每村抽取的家庭数 M' })
      .option('seed', { type: 'string', describe: '随机种子（同一月份、同一种子重抽得到同样的样本，除非重新扫描该月）' })
      .option('out', { type: 'string', demandOption: true, describe: '输出文件夹' })
      .option('by', { type: 'string', describe: '抽查人（默认当前登录用户）' })
      .option('unmask', { type: 'boolean', default: false, describe: '显示完整身份证号（会记入台账）' }),
    async (args) => setExit(await (await import('./commands/sample.ts')).runSampleCommand(args, io)))
    .command('report', '生成某月的 HTML 报告（单个文件，离线可看）', (y) => y
      .option('period', { type: 'string', describe: '月份 YYYY-MM（默认台账中最近一次扫描的月份）' })
      .option('out', { type: 'string', demandOption: true, describe: '输出文件夹' })
      .option('as-of', { type: 'string', describe: '逾期按此日期 YYYY-MM-DD 判断（默认该月扫描的扫描日期）' })
      .option('unmask', { type: 'boolean', default: false, describe: '显示完整身份证号（会记入台账）' }),
    async (args) => setExit(await (await import('./commands/report.ts')).runReportCommand(args, io)))
    .command('demo', '扫描随附的示例乡镇数据（临时台账），并显示输出位置', (y) => y, async () =>
      setExit(await (await import('./commands/demo.ts')).runDemoCommand(io)))
    .demandCommand(1, '请指定命令，例如 rollsweep scan --input DIR --period 2026-10')
    .strict()
    .version(ROLLSWEEP_VERSION)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      // yargs' own usage errors; runtime errors of commands go to reportError below.
      if (error) throw error;
      throw new UsageError(message ?? '命令行参数有误', '运行 rollsweep --help 查看用法。');
    });
  try {
    await parser.parseAsync();
  } catch (error) {
    return reportError(error, io.err);
  }
  return exitCode;
}

export async function runFromProcess(): Promise<void> {
  // Every file the run creates is its owner's only (quality-bars.md): not only those chmod'ed after they are written,
  // but DuckDB's own, the ledger's write-ahead log (<ledger>.wal) full of ID numbers, which under umask 022 was
  // readable by every user of the machine during each scan and after a killed one (until 2026-12-05).
  process.umask(0o077);
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  process.exitCode = await main(process.argv.slice(2));
}
