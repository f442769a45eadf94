// Idiomatic hand-written vti_addr_check (blocks.md "vti_addr_check", architecture.md
// section 7): a size benchmark for the eDSL block (bench/rtl/run.ts), not a test reference.
// Word-level: the unimplemented bits above the MSB must all equal it (virtual) or be 0 (physical).
module hand_vti_addr_check #(
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
    localparam GUEST_MSB = IMPL_VA_MSB - GUEST_SHRINK;

    // Bits 60..MSB (the MSB included) all ones or all zeros; the region bits 63:61 are free.
    wire [60-GUEST_MSB:0] guest_bits = addr[60:GUEST_MSB];
    wire guest_ok = (&guest_bits) || !(|guest_bits);
    wire vmm_ok, pa_ok;
    generate
        if (IMPL_VA_MSB >= 60) begin : g_full
            assign vmm_ok = 1'b1;
        end else begin : g_part
            wire [60-IMPL_VA_MSB:0] vmm_bits = addr[60:IMPL_VA_MSB];
            assign vmm_ok = (&vmm_bits) || !(|vmm_bits);
        end
        if (IMPL_PA_MSB >= 62) begin : g_pa_full
            assign pa_ok = 1'b1;
        end else begin : g_pa_part
            assign pa_ok = !(|addr[62:IMPL_PA_MSB+1]);
        end
    endgenerate

    assign unimpl       = phys ? !pa_ok : vm ? !guest_ok : !vmm_ok;
    assign monitor_only = !phys && vmm_ok && !guest_ok;
endmodule
