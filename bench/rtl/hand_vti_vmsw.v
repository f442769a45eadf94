// Idiomatic hand-written vti_vmsw (blocks.md "vti_vmsw", architecture.md section 3.1): a
// size benchmark for the eDSL block (bench/rtl/run.ts), not a test reference. The four checks
// of section 3.1 as flat priority terms, one assign each.
module hand_vti_vmsw #(
    parameter VM_IMPLEMENTED = 1
) (
    input        valid,
    input        to_vm,
    input  [1:0] cpl,
    input        psr_it,
    input        psr_vm,
    input  [2:0] itlb_ar,
    input        vm_disabled,
    input        vmsw_disabled,
    output       illegal_op,
    output       priv_op,
    output       virt_fault,
    output       commit,
    output       vm_next
);
    wire vt      = VM_IMPLEMENTED != 0;
    wire page_ok = psr_it && (&itlb_ar) && !vm_disabled && !vmsw_disabled;

    assign illegal_op = valid && !vt;
    assign priv_op    = valid && vt && (|cpl);
    assign virt_fault = valid && vt && !(|cpl) && !page_ok;
    assign commit     = valid && vt && !(|cpl) && page_ok;
    assign vm_next    = commit ? to_vm : psr_vm;
endmodule
