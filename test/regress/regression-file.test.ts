// The regression file and the Slurm backend's text handling: defaults, one-line errors naming
// the field, the task numbering, sbatch's --array list, squeue/sacct parsable output.
import { describe, expect, it } from 'vitest';
import { parseRegression, tasksOf } from '../../regress/regression.js';
import { arrayList, parseStates, sbatchScript } from '../../regress/slurm-backend.js';
import { runDir } from '../../regress/layout.js';

describe('regression file', () => {
  it('fills defaults and numbers the tasks workload by workload', () => {
    const r = parseRegression(
      {
        shards: 3,
        workloads: {
          a: { kind: 'cosim-random', programs: 10 },
          b: { kind: 'cosim-blocks', blocks: ['vti_vmsw'], shards: 2 },
        },
      },
      'r.json',
    );
    expect(r.name).toBe('regression');
    expect(r.retries).toBe(2);
    expect(r.workloads[0]!.spec).toEqual({
      kind: 'cosim-random',
      programs: 10,
      seed: 1,
      items: 500,
      traps: true,
      engine: 'verilator',
    });
    expect(tasksOf(r).map((t) => `${t.workload.name}${t.shard}`)).toEqual(['a0', 'a1', 'a2', 'b0', 'b1']);
  });
  it('refuses bad fields with one line naming them', () => {
    const bad = (v: unknown) => () => parseRegression(v, 'r.json');
    expect(bad({ workloads: {} })).toThrow(/^r\.json: 'workloads' must be an object of named workloads/);
    expect(bad({ workloads: { a: { kind: 'nope' } } })).toThrow(
      "r.json workload 'a': 'kind' must be one of cosim-blocks, cosim-random, mutants, formal",
    );
    expect(bad({ workloads: { a: { kind: 'cosim-random' } } })).toThrow(/'programs' must be an integer/);
    expect(bad({ workloads: { a: { kind: 'cosim-random', programs: 1, sede: 3 } } })).toThrow(/unknown field 'sede'/);
    expect(bad({ shards: 0, workloads: { a: { kind: 'cosim-random', programs: 1 } } })).toThrow(
      /'shards' must be an integer between 1 and/,
    );
    expect(bad({ workloads: { a: { kind: 'formal', sweep: [{ implVaMsb: 70 }] } } })).toThrow(/sweep\[0\]/);
    expect(bad({ workloads: { a: { kind: 'cosim-random', programs: 1 } }, slurm: { extra: ['; rm -rf /'] } })).toThrow(
      /'extra' must be a list of sbatch options/,
    );
  });
});

describe('Slurm text', () => {
  it('writes --array lists as ranges', () => {
    expect(arrayList([0, 1, 2, 3])).toBe('0-3');
    expect(arrayList([7, 0, 1, 3, 5, 6])).toBe('0-1,3,5-7');
    expect(arrayList([4])).toBe('4');
  });
  it('reads squeue -r -o %K|%T and sacct -P JobID|State lines', () => {
    expect([...parseStates('0|COMPLETED\n1|RUNNING\n2|PENDING\n')]).toEqual([
      [0, 'COMPLETED'],
      [1, 'RUNNING'],
      [2, 'PENDING'],
    ]);
    expect([...parseStates('41_0|COMPLETED\n41_3|CANCELLED by 0\n41_[4-6]|PENDING\n')]).toEqual([
      [0, 'COMPLETED'],
      [3, 'CANCELLED'],
    ]);
  });
  it('the job script runs one task per array element, quoted', () => {
    const r = parseRegression(
      {
        name: 'n1',
        workloads: { a: { kind: 'cosim-random', programs: 1 } },
        slurm: { partition: 'batch', timeLimit: '01:00:00', extra: ['--account=hw'] },
      },
      'r',
    );
    const s = sbatchScript(r, runDir("/runs/it's"), ['/usr/bin/node', '/opt/vti/bin/vti.js'], '/work');
    expect(s).toContain('#SBATCH --partition=batch\n#SBATCH --time=01:00:00\n#SBATCH --account=hw\n');
    expect(s).toContain(
      `exec '/usr/bin/node' '/opt/vti/bin/vti.js' 'regress' '--worker' '/runs/it'\\''s' --task "$SLURM_ARRAY_TASK_ID"`,
    );
  });
});
