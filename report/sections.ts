// Section ids of the report that `vti report --skip` accepts (kept apart from report/index.ts
// so that `vti report --help` loads nothing heavy).
export const SKIPPABLE = ['fpga', 'cosim', 'core-cosim', 'formal', 'properties', 'waves', 'demo'] as const;
