// Hand-written reference for vti_addr_check (blocks.md "vti_addr_check", architecture.md
// section 7). Deliberately a bit-by-bit loop (not word masks) so it shares no structure with
// a mask-based generator.
// Deliberately a separate copy (N-version): this file, the eDSL block (hdl/vti/), the TS
// reference model (model/blocks/) and the emulator (model/exec/) each state these semantics on
// their own, so that co-simulation and the equivalence proofs compare independent opinions.
// Keep them apart: they may share the spec data of arch/, never code.
module ref_vti_addr_check #(
    parameter IMPL_VA_MSB  = 60,
    parameter IMPL_PA_MSB  = 62,
    parameter GUEST_SHRINK = 1
) (
    input  [63:0] addr,
    input         vm,
    input         phys,
    output        unimpl,
    output        monitor_only
);
    localparam M_VMM   = IMPL_VA_MSB;                 // vm = 0
    localparam M_GUEST = IMPL_VA_MSB - GUEST_SHRINK;  // vm = 1

    reg va_ok_vmm;    // virtual address implemented for vm = 0
    reg va_ok_guest;  // virtual address implemented for vm = 1
    reg pa_ok;        // physical address implemented
    integer i;

    always @(*) begin
        va_ok_vmm   = 1'b1;
        va_ok_guest = 1'b1;
        pa_ok       = 1'b1;
        // Bits 63:61 (region) are always implemented; bits 60..M+1 must equal bit M.
        for (i = 0; i <= 60; i = i + 1) begin
            if (i > M_VMM && addr[i] != addr[M_VMM]) va_ok_vmm = 1'b0;
            if (i > M_GUEST && addr[i] != addr[M_GUEST]) va_ok_guest = 1'b0;
        end
        // Physical: bit 63 is the uncacheable attribute; bits 62..IMPL_PA_MSB+1 must be 0.
        for (i = 0; i <= 62; i = i + 1) begin
            if (i > IMPL_PA_MSB && addr[i]) pa_ok = 1'b0;
        end
    end

    assign unimpl       = phys ? !pa_ok : (vm ? !va_ok_guest : !va_ok_vmm);
    assign monitor_only = !phys && va_ok_vmm && !va_ok_guest;
endmodule
