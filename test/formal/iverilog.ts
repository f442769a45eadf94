// Runs directed vectors through a Verilog module with Icarus (iverilog -g2005 + vvp).
// Combinational: apply each vector, wait, print the outputs. Sequential (clk): apply the
// vector with clk low, print the outputs (pre-edge, for the combinational ones), raise clk.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Port {
  readonly name: string;
  readonly width: number;
}

export interface IverilogRun {
  readonly source: string;
  readonly top: string;
  readonly params?: Record<string, number>;
  readonly inputs: readonly Port[];
  readonly outputs: readonly Port[];
  /** One entry per vector: input values (bigint) by name. */
  readonly vectors: readonly Record<string, bigint>[];
  /** Clocked on `clk` (must not be listed in inputs). */
  readonly clocked?: boolean;
}

const OUT = fileURLToPath(new URL('../../out/formal-tests/', import.meta.url));

/** Returns one record of output values per vector. */
export function runIverilog(r: IverilogRun): Record<string, bigint>[] {
  mkdirSync(OUT, { recursive: true });
  const dir = mkdtempSync(join(OUT, `${r.top}-`));
  const inW = r.inputs.reduce((a, p) => a + p.width, 0);
  const decl = [
    ...(r.clocked ? ['    reg clk;'] : []),
    ...r.inputs.map((p) => `    reg [${p.width - 1}:0] ${p.name};`),
    ...r.outputs.map((p) => `    wire [${p.width - 1}:0] ${p.name};`),
  ];
  const conns = [...(r.clocked ? ['clk'] : []), ...r.inputs.map((p) => p.name), ...r.outputs.map((p) => p.name)]
    .map((n) => `.${n}(${n})`)
    .join(', ');
  const params = Object.entries(r.params ?? {})
    .map(([k, v]) => `.${k}(${v})`)
    .join(', ');
  const fmt = r.outputs.map(() => '%h').join(' ');
  const tb = `module tb;
${decl.join('\n')}
    reg [${inW - 1}:0] vec [0:${r.vectors.length - 1}];
    integer k, fd;
    ${r.top} ${params ? `#(${params}) ` : ''}dut (${conns});
    initial begin
        $readmemh("vec.hex", vec);
        fd = $fopen("out.txt", "w");
        ${r.clocked ? "clk = 1'b0;" : ''}
        for (k = 0; k < ${r.vectors.length}; k = k + 1) begin
            {${r.inputs.map((p) => p.name).join(', ')}} = vec[k];
            #1 $fdisplay(fd, "${fmt}", ${r.outputs.map((p) => p.name).join(', ')});
            ${r.clocked ? "#1 clk = 1'b1; #1 clk = 1'b0;" : ''}
        end
        $fclose(fd);
        $finish;
    end
endmodule
`;
  const hex = r.vectors.map((v) => {
    let word = 0n;
    for (const p of r.inputs) {
      const x = v[p.name] ?? 0n;
      if (x < 0n || x >> BigInt(p.width)) throw new Error(`vector value ${x} does not fit ${p.name}[${p.width}]`);
      word = (word << BigInt(p.width)) | x;
    }
    return word.toString(16);
  });
  writeFileSync(join(dir, 'dut.v'), r.source);
  writeFileSync(join(dir, 'tb.v'), tb);
  writeFileSync(join(dir, 'vec.hex'), hex.join('\n') + '\n');
  execFileSync('iverilog', ['-g2005', '-o', 'sim.vvp', 'tb.v', 'dut.v'], { cwd: dir, stdio: 'pipe' });
  execFileSync('vvp', ['-n', 'sim.vvp'], { cwd: dir, stdio: 'pipe' });
  const lines = readFileSync(join(dir, 'out.txt'), 'utf8').trim().split('\n');
  rmSync(dir, { recursive: true, force: true }); // kept only when the run failed above
  if (lines.length !== r.vectors.length)
    throw new Error(`iverilog printed ${lines.length} lines for ${r.vectors.length} vectors`);
  return lines.map((line) => {
    const vals = line.trim().split(/\s+/);
    const o: Record<string, bigint> = {};
    r.outputs.forEach((p, i) => {
      // -1n marks an output with undefined bits (e.g. a register before its first reset).
      o[p.name] = /[xz]/i.test(vals[i]!) ? -1n : BigInt('0x' + vals[i]);
    });
    return o;
  });
}
