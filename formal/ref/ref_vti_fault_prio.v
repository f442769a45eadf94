// Hand-written reference for vti_fault_prio (blocks.md "vti_fault_prio", architecture.md
// section 6), default 56-row table. The encoder is a plain loop: scanning from the lowest
// priority row up, every pending row overwrites the winner, so the last write is the
// highest-priority (lowest-numbered) pending row. The row table below was written by
// formal/ref/make-prio-ref.ts from arch/priority.ts; do not edit it by hand.
// Deliberately a separate copy (N-version): this file, the eDSL block (hdl/vti/), the TS
// reference model (model/blocks/) and the emulator (model/exec/) each state these semantics on
// their own, so that co-simulation and the equivalence proofs compare independent opinions.
// Keep them apart: they may share the spec data of arch/, never code.
module ref_vti_fault_prio (
    input      [55:0] pending,
    output reg        valid,
    output reg [5:0]  index,
    output reg [55:0] onehot,
    output reg [14:0] iva_offset,
    output reg [15:0] isr_code,
    output reg [1:0]  kind
);
    integer i;
    reg [5:0] win;
    reg [14:0] vec;
    reg [15:0] code;
    reg [1:0] knd;

    always @(*) begin
        valid = 1'b0;
        win = 6'd0;
        for (i = 55; i >= 0; i = i - 1) begin
            if (pending[i]) begin
                valid = 1'b1;
                win = i[5:0];
            end
        end
    end

    always @(*) begin
        case (win)
            6'd0: begin vec = 15'h3000; code = 16'h0000; knd = 2'd0; end // rank 1 External Interrupt
            6'd1: begin vec = 15'h3400; code = 16'h0000; knd = 2'd0; end // rank 2 Virtual External Interrupt
            6'd2: begin vec = 15'h5400; code = 16'h0030; knd = 2'd1; end // rank 3 IR Unimplemented Data Address
            6'd3: begin vec = 15'h1400; code = 16'h0000; knd = 2'd1; end // rank 4 IR Data Nested TLB
            6'd4: begin vec = 15'h1000; code = 16'h0000; knd = 2'd1; end // rank 5 IR Alternate Data TLB
            6'd5: begin vec = 15'h0000; code = 16'h0000; knd = 2'd1; end // rank 6 IR VHPT Data
            6'd6: begin vec = 15'h0800; code = 16'h0000; knd = 2'd1; end // rank 7 IR Data TLB
            6'd7: begin vec = 15'h5000; code = 16'h0000; knd = 2'd1; end // rank 8 IR Data Page Not Present
            6'd8: begin vec = 15'h5600; code = 16'h0020; knd = 2'd1; end // rank 9 IR Data NaT Page Consumption
            6'd9: begin vec = 15'h1c00; code = 16'h0000; knd = 2'd1; end // rank 10 IR Data Key Miss
            6'd10: begin vec = 15'h5100; code = 16'h0000; knd = 2'd1; end // rank 11 IR Data Key Permission
            6'd11: begin vec = 15'h5300; code = 16'h0000; knd = 2'd1; end // rank 12 IR Data Access Rights
            6'd12: begin vec = 15'h2800; code = 16'h0000; knd = 2'd1; end // rank 13 IR Data Access-Bit
            6'd13: begin vec = 15'h5900; code = 16'h0000; knd = 2'd1; end // rank 14 IR Data Debug
            6'd14: begin vec = 15'h0c00; code = 16'h0000; knd = 2'd1; end // rank 15 Alternate Instruction TLB
            6'd15: begin vec = 15'h0000; code = 16'h0000; knd = 2'd1; end // rank 16 VHPT Instruction
            6'd16: begin vec = 15'h0400; code = 16'h0000; knd = 2'd1; end // rank 17 Instruction TLB
            6'd17: begin vec = 15'h5000; code = 16'h0000; knd = 2'd1; end // rank 18 Instruction Page Not Present
            6'd18: begin vec = 15'h5600; code = 16'h0020; knd = 2'd1; end // rank 19 Instruction NaT Page Consumption
            6'd19: begin vec = 15'h1800; code = 16'h0000; knd = 2'd1; end // rank 20 Instruction Key Miss
            6'd20: begin vec = 15'h5100; code = 16'h0000; knd = 2'd1; end // rank 21 Instruction Key Permission
            6'd21: begin vec = 15'h5200; code = 16'h0000; knd = 2'd1; end // rank 22 Instruction Access Rights
            6'd22: begin vec = 15'h2400; code = 16'h0000; knd = 2'd1; end // rank 23 Instruction Access-Bit
            6'd23: begin vec = 15'h5900; code = 16'h0000; knd = 2'd1; end // rank 24 Instruction Debug
            6'd24: begin vec = 15'h5400; code = 16'h0000; knd = 2'd1; end // rank 25 Illegal Operation
            6'd25: begin vec = 15'h5400; code = 16'h0080; knd = 2'd1; end // rank 26 Illegal Dependency
            6'd26: begin vec = 15'h2c00; code = 16'h0000; knd = 2'd1; end // rank 27 Break Instruction
            6'd27: begin vec = 15'h5400; code = 16'h0010; knd = 2'd1; end // rank 28 Privileged Operation
            6'd28: begin vec = 15'h5500; code = 16'h0000; knd = 2'd1; end // rank 29 Disabled FP-Register
            6'd29: begin vec = 15'h5400; code = 16'h0040; knd = 2'd1; end // rank 30 Disabled Instruction Set Transition
            6'd30: begin vec = 15'h5600; code = 16'h0010; knd = 2'd1; end // rank 31 Register NaT Consumption
            6'd31: begin vec = 15'h5400; code = 16'h0030; knd = 2'd1; end // rank 32 Reserved Register/Field
            6'd32: begin vec = 15'h5400; code = 16'h0030; knd = 2'd1; end // rank 33 Unimplemented Data Address
            6'd33: begin vec = 15'h5400; code = 16'h0020; knd = 2'd1; end // rank 34 Privileged Register
            6'd34: begin vec = 15'h6100; code = 16'h0000; knd = 2'd1; end // rank 35 Virtualization
            6'd35: begin vec = 15'h5700; code = 16'h0000; knd = 2'd1; end // rank 36 Speculative Operation
            6'd36: begin vec = 15'h1400; code = 16'h0000; knd = 2'd1; end // rank 37 Data Nested TLB
            6'd37: begin vec = 15'h1000; code = 16'h0000; knd = 2'd1; end // rank 38 Alternate Data TLB
            6'd38: begin vec = 15'h0000; code = 16'h0000; knd = 2'd1; end // rank 39 VHPT Data
            6'd39: begin vec = 15'h0800; code = 16'h0000; knd = 2'd1; end // rank 40 Data TLB
            6'd40: begin vec = 15'h5000; code = 16'h0000; knd = 2'd1; end // rank 41 Data Page Not Present
            6'd41: begin vec = 15'h5600; code = 16'h0020; knd = 2'd1; end // rank 42 Data NaT Page Consumption
            6'd42: begin vec = 15'h1c00; code = 16'h0000; knd = 2'd1; end // rank 43 Data Key Miss
            6'd43: begin vec = 15'h5100; code = 16'h0000; knd = 2'd1; end // rank 44 Data Key Permission
            6'd44: begin vec = 15'h5300; code = 16'h0000; knd = 2'd1; end // rank 45 Data Access Rights
            6'd45: begin vec = 15'h2000; code = 16'h0000; knd = 2'd1; end // rank 46 Data Dirty-Bit
            6'd46: begin vec = 15'h2800; code = 16'h0000; knd = 2'd1; end // rank 47 Data Access-Bit
            6'd47: begin vec = 15'h5900; code = 16'h0000; knd = 2'd1; end // rank 48 Data Debug
            6'd48: begin vec = 15'h5a00; code = 16'h0000; knd = 2'd1; end // rank 49 Unaligned Data Reference
            6'd49: begin vec = 15'h5b00; code = 16'h0000; knd = 2'd1; end // rank 50 Unsupported Data Reference
            6'd50: begin vec = 15'h5c00; code = 16'h0000; knd = 2'd1; end // rank 51 Floating-point Fault
            6'd51: begin vec = 15'h5d00; code = 16'h0001; knd = 2'd2; end // rank 52 Floating-point Trap
            6'd52: begin vec = 15'h5e00; code = 16'h0002; knd = 2'd2; end // rank 53 Lower-Privilege Transfer Trap
            6'd53: begin vec = 15'h5e00; code = 16'h0010; knd = 2'd2; end // rank 54 Unimplemented Instruction Address Trap
            6'd54: begin vec = 15'h5f00; code = 16'h0004; knd = 2'd2; end // rank 55 Taken Branch Trap
            6'd55: begin vec = 15'h6000; code = 16'h0008; knd = 2'd2; end // rank 56 Single Step Trap
            default: begin vec = 15'h0000; code = 16'h0000; knd = 2'd0; end
        endcase
    end

    always @(*) begin
        index = valid ? win : 6'd0;
        onehot = valid ? (56'd1 << win) : 56'd0;
        iva_offset = valid ? vec : 15'h0000;
        isr_code = valid ? code : 16'h0000;
        kind = valid ? knd : 2'd0;
    end
endmodule
