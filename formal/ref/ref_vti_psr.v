// Hand-written reference for vti_psr (blocks.md "vti_psr", architecture.md section 2).
// Written for obviousness, not speed: one case arm per op row of the blocks.md table.
// Bit masks below are spelled out from the architecture.md PSR layout table.
// Deliberately a separate copy (N-version): this file, the eDSL block (hdl/vti/), the TS
// reference model (model/blocks/) and the emulator (model/exec/) each state these semantics on
// their own, so that co-simulation and the equivalence proofs compare independent opinions.
// Keep them apart: they may share the spec data of arch/, never code.
module ref_vti_psr #(
    parameter VM_IMPLEMENTED = 1
) (
    input             clk,
    input             rst,
    input      [3:0]  op,
    input      [63:0] operand,
    input      [1:0]  slot,
    input             dcr_be,
    input             dcr_pp,
    output reg [63:0] psr,
    output     [63:0] ipsr_save,
    output reg        rsv_fault
);
    // Reserved bits of PSR{31:0}: 0, 6-12, 16, 28-31.
    localparam [63:0] RSV_L    = 64'h0000_0000_F001_1FC1;
    // Reserved bits of PSR{23:0}: 0, 6-12, 16 (ssm/rsm check).
    localparam [63:0] RSV_SM   = 64'h0000_0000_0001_1FC1;
    // sum/rum: bit 0 or any of 23:6.
    localparam [63:0] RSV_SUM  = 64'h0000_0000_00FF_FFC1;
    // mov psr.um: bit 0 or any of 63:6.
    localparam [63:0] RSV_UM   = 64'hFFFF_FFFF_FFFF_FFC1;
    // All reserved PSR bits: 0, 6-12, 16, 28-31, 47-63 (rfi forces them to 0).
    localparam [63:0] RSV_ALL  = 64'hFFFF_8000_F001_1FC1;
    // Kept on interruption: up(2) mfl(4) mfh(5) pk(15) dt(17) rt(27) mc(35) it(36).
    localparam [63:0] KEPT     = 64'h0000_0018_0802_8034;
    // User mask PSR{5:1}; without `up` (bit 2) when PSR.sp = 1.
    localparam [63:0] UM       = 64'h0000_0000_0000_003E;
    localparam [63:0] UM_NO_UP = 64'h0000_0000_0000_003A;

    localparam BE = 1, SP = 20, PP = 21, VM = 46, BN = 44;

    wire [63:0] um_mask = psr[SP] ? UM_NO_UP : UM;
    wire [1:0]  cpl     = psr[33:32];

    reg [63:0] next;

    always @(*) begin
        case (op)
            4'd1:    rsv_fault = (operand & RSV_L) != 64'd0;
            4'd2:    rsv_fault = (operand & RSV_SM) != 64'd0;
            4'd3:    rsv_fault = (operand & RSV_SM) != 64'd0;
            4'd4:    rsv_fault = (operand & RSV_SUM) != 64'd0;
            4'd5:    rsv_fault = (operand & RSV_SUM) != 64'd0;
            4'd6:    rsv_fault = (operand & RSV_UM) != 64'd0;
            default: rsv_fault = 1'b0;
        endcase
    end

    always @(*) begin
        next = psr;
        case (op)
            4'd1: next[31:0] = operand[31:0];                                   // MOV_PSR_L
            4'd2: next[23:0] = psr[23:0] | operand[23:0];                       // SSM
            4'd3: next[23:0] = psr[23:0] & ~operand[23:0];                      // RSM
            4'd4: next = psr | (operand & um_mask);                             // SUM
            4'd5: next = psr & ~(operand & um_mask);                            // RUM
            4'd6: next = (psr & ~um_mask) | (operand & um_mask);                // MOV_PSR_UM
            4'd7: begin                                                         // INTERRUPT
                next = psr & KEPT;
                next[BE] = dcr_be;
                next[PP] = dcr_pp;
            end
            4'd8: next = operand & ~RSV_ALL;                                    // RFI
            4'd9: next[VM] = 1'b0;                                              // VMSW0
            4'd10: next[VM] = 1'b1;                                             // VMSW1
            4'd11: if (operand[1:0] < cpl) next[33:32] = operand[1:0];          // EPC
            4'd12: next[BN] = 1'b0;                                             // BSW0
            4'd13: next[BN] = 1'b1;                                             // BSW1
            default: next = psr;                                                // NOP, 14, 15
        endcase
        if (VM_IMPLEMENTED == 0) next[VM] = 1'b0;
        if (rsv_fault) next = psr;
    end

    always @(posedge clk) begin
        if (rst) psr <= 64'd0;
        else     psr <= next;
    end

    assign ipsr_save = {psr[63:43], slot, psr[40:0]};
endmodule
