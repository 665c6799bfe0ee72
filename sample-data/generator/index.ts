// The generator's public surface for tests and the benchmark script.
export { generateWorkload } from './workload.ts';
export type { WorkloadResult } from './workload.ts';
export { BENCHMARK_RATIOS, PRESETS, resolveOptions, workloadOptionsSchema } from './options.ts';
export type { PresetName, WorkloadOptions } from './options.ts';
