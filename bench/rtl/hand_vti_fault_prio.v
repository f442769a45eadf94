// Idiomatic hand-written vti_fault_prio (blocks.md "vti_fault_prio", architecture.md
// section 6), default 56-row table: a size benchmark for the eDSL block (bench/rtl/run.ts),
// not a test reference. The winner is the lowest set bit, isolated the textbook way
// (pending & -pending, which iCE40 synthesis puts on the carry chain); its row is the OR of
// the table rows under the one-hot winner (at most one is set). The rows are the table of
// architecture.md §6 (arch/priority.ts), written out once.
module hand_vti_fault_prio (
    input      [55:0] pending,
    output            valid,
    output reg [5:0]  index,
    output     [55:0] onehot,
    output     [14:0] iva_offset,
    output     [15:0] isr_code,
    output     [1:0]  kind
);
    // {vector, ISR code, kind} of row i (rank i + 1); kind 0 interrupt, 1 fault, 2 trap.
    function [32:0] row(input [5:0] i);
        case (i)
            6'd0: row = {15'h3000, 16'h0000, 2'd0}; // External Interrupt
            6'd1: row = {15'h3400, 16'h0000, 2'd0}; // Virtual External Interrupt
            6'd2: row = {15'h5400, 16'h0030, 2'd1}; // IR Unimplemented Data Address
            6'd3: row = {15'h1400, 16'h0000, 2'd1}; // IR Data Nested TLB
            6'd4: row = {15'h1000, 16'h0000, 2'd1}; // IR Alternate Data TLB
            6'd5: row = {15'h0000, 16'h0000, 2'd1}; // IR VHPT Data
            6'd6: row = {15'h0800, 16'h0000, 2'd1}; // IR Data TLB
            6'd7: row = {15'h5000, 16'h0000, 2'd1}; // IR Data Page Not Present
            6'd8: row = {15'h5600, 16'h0020, 2'd1}; // IR Data NaT Page Consumption
            6'd9: row = {15'h1c00, 16'h0000, 2'd1}; // IR Data Key Miss
            6'd10: row = {15'h5100, 16'h0000, 2'd1}; // IR Data Key Permission
            6'd11: row = {15'h5300, 16'h0000, 2'd1}; // IR Data Access Rights
            6'd12: row = {15'h2800, 16'h0000, 2'd1}; // IR Data Access-Bit
            6'd13: row = {15'h5900, 16'h0000, 2'd1}; // IR Data Debug
            6'd14: row = {15'h0c00, 16'h0000, 2'd1}; // Alternate Instruction TLB
            6'd15: row = {15'h0000, 16'h0000, 2'd1}; // VHPT Instruction
            6'd16: row = {15'h0400, 16'h0000, 2'd1}; // Instruction TLB
            6'd17: row = {15'h5000, 16'h0000, 2'd1}; // Instruction Page Not Present
            6'd18: row = {15'h5600, 16'h0020, 2'd1}; // Instruction NaT Page Consumption
            6'd19: row = {15'h1800, 16'h0000, 2'd1}; // Instruction Key Miss
            6'd20: row = {15'h5100, 16'h0000, 2'd1}; // Instruction Key Permission
            6'd21: row = {15'h5200, 16'h0000, 2'd1}; // Instruction Access Rights
            6'd22: row = {15'h2400, 16'h0000, 2'd1}; // Instruction Access-Bit
            6'd23: row = {15'h5900, 16'h0000, 2'd1}; // Instruction Debug
            6'd24: row = {15'h5400, 16'h0000, 2'd1}; // Illegal Operation
            6'd25: row = {15'h5400, 16'h0080, 2'd1}; // Illegal Dependency
            6'd26: row = {15'h2c00, 16'h0000, 2'd1}; // Break Instruction
            6'd27: row = {15'h5400, 16'h0010, 2'd1}; // Privileged Operation
            6'd28: row = {15'h5500, 16'h0000, 2'd1}; // Disabled FP-Register
            6'd29: row = {15'h5400, 16'h0040, 2'd1}; // Disabled Instruction Set Transition
            6'd30: row = {15'h5600, 16'h0010, 2'd1}; // Register NaT Consumption
            6'd31: row = {15'h5400, 16'h0030, 2'd1}; // Reserved Register/Field
            6'd32: row = {15'h5400, 16'h0030, 2'd1}; // Unimplemented Data Address
            6'd33: row = {15'h5400, 16'h0020, 2'd1}; // Privileged Register
            6'd34: row = {15'h6100, 16'h0000, 2'd1}; // Virtualization
            6'd35: row = {15'h5700, 16'h0000, 2'd1}; // Speculative Operation
            6'd36: row = {15'h1400, 16'h0000, 2'd1}; // Data Nested TLB
            6'd37: row = {15'h1000, 16'h0000, 2'd1}; // Alternate Data TLB
            6'd38: row = {15'h0000, 16'h0000, 2'd1}; // VHPT Data
            6'd39: row = {15'h0800, 16'h0000, 2'd1}; // Data TLB
            6'd40: row = {15'h5000, 16'h0000, 2'd1}; // Data Page Not Present
            6'd41: row = {15'h5600, 16'h0020, 2'd1}; // Data NaT Page Consumption
            6'd42: row = {15'h1c00, 16'h0000, 2'd1}; // Data Key Miss
            6'd43: row = {15'h5100, 16'h0000, 2'd1}; // Data Key Permission
            6'd44: row = {15'h5300, 16'h0000, 2'd1}; // Data Access Rights
            6'd45: row = {15'h2000, 16'h0000, 2'd1}; // Data Dirty-Bit
            6'd46: row = {15'h2800, 16'h0000, 2'd1}; // Data Access-Bit
            6'd47: row = {15'h5900, 16'h0000, 2'd1}; // Data Debug
            6'd48: row = {15'h5a00, 16'h0000, 2'd1}; // Unaligned Data Reference
            6'd49: row = {15'h5b00, 16'h0000, 2'd1}; // Unsupported Data Reference
            6'd50: row = {15'h5c00, 16'h0000, 2'd1}; // Floating-point Fault
            6'd51: row = {15'h5d00, 16'h0001, 2'd2}; // Floating-point Trap
            6'd52: row = {15'h5e00, 16'h0002, 2'd2}; // Lower-Privilege Transfer Trap
            6'd53: row = {15'h5e00, 16'h0010, 2'd2}; // Unimplemented Instruction Address Trap
            6'd54: row = {15'h5f00, 16'h0004, 2'd2}; // Taken Branch Trap
            6'd55: row = {15'h6000, 16'h0008, 2'd2}; // Single Step Trap
            default: row = 33'd0;
        endcase
    endfunction

    reg [32:0] fields;
    integer i;

    assign valid  = |pending;
    assign onehot = pending & (~pending + 56'd1);

    always @(*) begin
        fields = 33'd0;
        index  = 6'd0;
        for (i = 0; i < 56; i = i + 1)
            if (onehot[i]) begin
                fields = fields | row(i[5:0]);
                index  = index | i[5:0];
            end
    end

    assign {iva_offset, isr_code, kind} = fields;
endmodule
