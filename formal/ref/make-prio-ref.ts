// Writes ref_vti_fault_prio.v: the hand-written encoder below plus the row table taken from
// arch/priority.ts (the brief allows generating the table; the encoder logic is a plain loop,
// structurally unlike a parallel-prefix encoder). Run: npx tsx formal/ref/make-prio-ref.ts
// The committed .v is checked against architecture.md's table text by test/formal/ref-vectors.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PRIORITY_TABLE, type PriorityRow } from '../../arch/priority.js';

/** The reference's Verilog for any priority table (the committed file uses the default). */
export function prioReference(table: readonly PriorityRow[] = PRIORITY_TABLE): string {
  const N = table.length;
  const W = Math.max(1, Math.ceil(Math.log2(N)));
  const kindCode = { interrupt: 0, fault: 1, trap: 2 } as const;
  const hex = (v: number, digits: number) => v.toString(16).padStart(digits, '0');
  const rows = table
    .map(
      (r, i) =>
        `            ${W}'d${i}: begin vec = 15'h${hex(r.vector, 4)}; code = 16'h${hex(r.isrCode, 4)}; knd = 2'd${kindCode[r.kind]}; end // rank ${i + 1} ${r.title}`,
    )
    .join('\n');

  const text = `// Hand-written reference for vti_fault_prio (blocks.md "vti_fault_prio", architecture.md
// section 6), default ${N}-row table. The encoder is a plain loop: scanning from the lowest
// priority row up, every pending row overwrites the winner, so the last write is the
// highest-priority (lowest-numbered) pending row. The row table below was written by
// formal/ref/make-prio-ref.ts from arch/priority.ts; do not edit it by hand.
// Deliberately a separate copy (N-version): this file, the eDSL block (hdl/vti/), the TS
// reference model (model/blocks/) and the emulator (model/exec/) each state these semantics on
// their own, so that co-simulation and the equivalence proofs compare independent opinions.
// Keep them apart: they may share the spec data of arch/, never code.
module ref_vti_fault_prio (
    input      [${N - 1}:0] pending,
    output reg        valid,
    output reg [${W - 1}:0]  index,
    output reg [${N - 1}:0] onehot,
    output reg [14:0] iva_offset,
    output reg [15:0] isr_code,
    output reg [1:0]  kind
);
    integer i;
    reg [${W - 1}:0] win;
    reg [14:0] vec;
    reg [15:0] code;
    reg [1:0] knd;

    always @(*) begin
        valid = 1'b0;
        win = ${W}'d0;
        for (i = ${N - 1}; i >= 0; i = i - 1) begin
            if (pending[i]) begin
                valid = 1'b1;
                win = i[${W - 1}:0];
            end
        end
    end

    always @(*) begin
        case (win)
${rows}
            default: begin vec = 15'h0000; code = 16'h0000; knd = 2'd0; end
        endcase
    end

    always @(*) begin
        index = valid ? win : ${W}'d0;
        onehot = valid ? (${N}'d1 << win) : ${N}'d0;
        iva_offset = valid ? vec : 15'h0000;
        isr_code = valid ? code : 16'h0000;
        kind = valid ? knd : 2'd0;
    end
endmodule
`;
  return text;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(new URL('./ref_vti_fault_prio.v', import.meta.url), prioReference());
}
