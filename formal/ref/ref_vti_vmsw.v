// Hand-written reference for vti_vmsw (blocks.md "vti_vmsw", architecture.md section 3.1).
// The four checks of section 3.1 as an if / else-if chain, in the spec's order.
// Deliberately a separate copy (N-version): this file, the eDSL block (hdl/vti/), the TS
// reference model (model/blocks/) and the emulator (model/exec/) each state these semantics on
// their own, so that co-simulation and the equivalence proofs compare independent opinions.
// Keep them apart: they may share the spec data of arch/, never code.
module ref_vti_vmsw #(
    parameter VM_IMPLEMENTED = 1
) (
    input            valid,
    input            to_vm,
    input      [1:0] cpl,
    input            psr_it,
    input            psr_vm,
    input      [2:0] itlb_ar,
    input            vm_disabled,
    input            vmsw_disabled,
    output reg       illegal_op,
    output reg       priv_op,
    output reg       virt_fault,
    output reg       commit,
    output           vm_next
);
    always @(*) begin
        illegal_op = 1'b0;
        priv_op    = 1'b0;
        virt_fault = 1'b0;
        commit     = 1'b0;
        if (valid) begin
            if (VM_IMPLEMENTED == 0)
                illegal_op = 1'b1;                          // 1. VT not implemented
            else if (cpl != 2'd0)
                priv_op = 1'b1;                             // 2. cpl != 0
            else if (!(psr_it == 1'b1 && itlb_ar == 3'd7) || vm_disabled || vmsw_disabled)
                virt_fault = 1'b1;                          // 3. page / firmware checks
            else
                commit = 1'b1;                              // 4. the switch happens
        end
    end

    assign vm_next = commit ? to_vm : psr_vm;
endmodule
