// Idiomatic hand-written vti_psr (blocks.md "vti_psr", architecture.md section 2): a size
// benchmark for the eDSL block (bench/rtl/run.ts), not a test reference. One case arm per
// command; the register holds only the architected bits (the reserved ones are masked to 0 on
// every write, so synthesis keeps no flip-flop for them); a faulting command writes nothing.
module hand_vti_psr #(
    parameter VM_IMPLEMENTED = 1
) (
    input             clk,
    input             rst,
    input      [3:0]  op,
    input      [63:0] operand,
    input      [1:0]  slot,
    input             dcr_be,
    input             dcr_pp,
    output     [63:0] psr,
    output     [63:0] ipsr_save,
    output reg        rsv_fault
);
    localparam [63:0] RSV_L    = 64'h0000_0000_F001_1FC1; // PSR{31:0} reserved: 0, 6-12, 16, 28-31
    localparam [63:0] RSV_SM   = 64'h0000_0000_0001_1FC1; // ssm/rsm: 0, 6-12, 16
    localparam [63:0] RSV_SUM  = 64'h0000_0000_00FF_FFC1; // sum/rum: 0 and 23:6
    localparam [63:0] RSV_UM   = 64'hFFFF_FFFF_FFFF_FFC1; // mov psr.um: 0 and 63:6
    localparam [63:0] ARCH     = ~64'hFFFF_8000_F001_1FC1 & (VM_IMPLEMENTED ? ~64'd0 : ~(64'd1 << 46));
    localparam [63:0] KEPT     = 64'h0000_0018_0802_8034; // up mfl mfh pk dt rt mc it
    localparam [63:0] UM       = 64'h0000_0000_0000_003E;
    localparam [63:0] UM_NO_UP = 64'h0000_0000_0000_003A;

    reg  [63:0] psr_q;
    reg  [63:0] next;
    wire [63:0] um = psr_q[20] ? UM_NO_UP : UM;

    always @(*) begin
        case (op)
            4'd1:         rsv_fault = |(operand & RSV_L);
            4'd2, 4'd3:   rsv_fault = |(operand & RSV_SM);
            4'd4, 4'd5:   rsv_fault = |(operand & RSV_SUM);
            4'd6:         rsv_fault = |(operand & RSV_UM);
            default:      rsv_fault = 1'b0;
        endcase
    end

    always @(*) begin
        next = psr_q;
        case (op)
            4'd1:  next[31:0] = operand[31:0];                             // mov psr.l
            4'd2:  next[23:0] = psr_q[23:0] | operand[23:0];               // ssm
            4'd3:  next[23:0] = psr_q[23:0] & ~operand[23:0];              // rsm
            4'd4:  next = psr_q | (operand & um);                          // sum
            4'd5:  next = psr_q & ~(operand & um);                         // rum
            4'd6:  next = (psr_q & ~um) | (operand & um);                  // mov psr.um
            4'd7:  next = (psr_q & KEPT) | {42'd0, dcr_pp, 19'd0, dcr_be, 1'b0}; // interruption
            4'd8:  next = operand;                                         // rfi
            4'd9:  next[46] = 1'b0;                                        // vmsw.0
            4'd10: next[46] = 1'b1;                                        // vmsw.1
            4'd11: if (operand[1:0] < psr_q[33:32]) next[33:32] = operand[1:0]; // epc
            4'd12: next[44] = 1'b0;                                        // bsw.0
            4'd13: next[44] = 1'b1;                                        // bsw.1
            default: ;
        endcase
    end

    always @(posedge clk)
        if (rst) psr_q <= 64'd0;
        else if (!rsv_fault) psr_q <= next & ARCH;

    assign psr       = psr_q;
    assign ipsr_save = {psr_q[63:43], slot, psr_q[40:0]};
endmodule
