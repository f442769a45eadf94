// Idiomatic hand-written vti_core (docs/vti_core.md, blocks.md, architecture.md sections 2-6):
// a size and timing benchmark for the eDSL core (bench/rtl/run.ts), not a test reference.
// Same ports and cycle contract as the generated vti_core: one instruction event per cycle,
// every output registered. It reuses the hand-written blocks of this folder (hand_vti_vmsw,
// hand_vti_addr_check, hand_vti_fault_prio) the way a designer reuses their own library; the
// PSR is a plain register here (the core always loads it whole, so vti_psr's command decode
// would be dead logic). One priority encoder over the whole pending vector picks the winner;
// the winner's columns (trap, data, fetch, Data Nested TLB, ...) are masks over its one-hot.
// The masks are the columns of architecture.md section 6 (arch/priority.ts), written out once.
module hand_vti_core (
    input          clk,
    input          rst,
    input          ev_valid,
    input  [4:0]   iclass,
    input          variant,
    input  [63:0]  ip,
    input  [1:0]   slot,
    input  [127:0] bundle,
    input  [63:0]  next_ip_in,
    input  [1:0]   next_slot_in,
    input  [23:0]  imm,
    input  [63:0]  r2,
    input          r2_nat,
    input  [6:0]   cr_num,
    input  [2:0]   page_ar,
    input  [1:0]   page_pl,
    input  [1:0]   pfs_ppl,
    input  [63:0]  addr,
    input          has_addr,
    input  [3:0]   non_access_kind,
    input  [37:0]  cfm,
    input          ext_int,
    input  [55:0]  env_pending,
    input          vm_disabled,
    input          vmsw_disabled,
    output [63:0]  psr,
    output [63:0]  dcr,
    output [63:0]  iva,
    output [63:0]  ipsr,
    output [63:0]  isr,
    output [63:0]  iip,
    output [63:0]  ifa,
    output [63:0]  iipa,
    output [63:0]  ifs,
    output [63:0]  iim,
    output [63:0]  iib0,
    output [63:0]  iib1,
    output         taken,
    output [14:0]  intr_vector,
    output         redirect,
    output [63:0]  next_ip,
    output [1:0]   next_slot,
    output         completed,
    output         rd_valid,
    output [63:0]  rd_value
);
    // ---- instruction classes (arch/iclass.ts) ----
    localparam [4:0] C_SSM = 5'd1, C_RSM = 5'd2, C_SUM = 5'd3, C_RUM = 5'd4, C_MOV_TO_PSR_L = 5'd5,
                     C_MOV_FROM_PSR = 5'd6, C_MOV_TO_PSR_UM = 5'd7, C_MOV_FROM_PSR_UM = 5'd8,
                     C_MOV_TO_CR = 5'd9, C_MOV_FROM_CR = 5'd10, C_RFI = 5'd11, C_VMSW = 5'd12,
                     C_EPC = 5'd13, C_BSW = 5'd14, C_COVER = 5'd15, C_PRIV_OTHER = 5'd16,
                     C_CPUID_READ = 5'd17, C_THASH_TTAG = 5'd18, C_LOAD = 5'd19, C_STORE = 5'd20,
                     C_BRANCH = 5'd21, C_BREAK = 5'd22;

    // ---- PSR layout (architecture.md section 2) ----
    localparam [63:0] PSR_ARCH     = 64'h0000_7FFF_0FFE_E03E; // defined fields
    localparam [63:0] PSR_KEPT     = 64'h0000_0018_0802_8034; // kept on interruption
    localparam [63:0] PSR_ONE_SHOT = 64'h0000_28E0_0000_0000; // id da dd ed ia
    localparam [63:0] PSR_READ     = 64'h0000_0018_FFFF_FFFF; // mov r1 = psr
    localparam IC = 13, I = 14, DT = 17, SP = 20, IT = 36, BN = 44, VM = 46;

    // ---- the priority table's columns, one bit per row (arch/priority.ts) ----
    localparam [55:0] ROW_DATA   = 56'h03_FFF1_0000_3FFC; // IFA <- addr, ISR.r/w
    localparam [55:0] ROW_FETCH  = 56'h00_0000_00FF_C000; // IFA <- ip, ISR.x
    localparam [55:0] ROW_NESTED = 56'h00_00E0_0000_0070; // Data Nested TLB while ic = 0
    localparam [55:0] ROW_TRAP   = 56'hF8_0000_0000_0000;
    localparam [55:0] ROW_IR     = 56'h00_0000_0000_3FFC; // RSE load of the current frame
    localparam [55:0] ROW_NA     = 56'h03_FFF5_4800_0000; // a non-access instruction reports ISR.na
    localparam R_EXT_INT = 0, R_ILLEGAL_OP = 24, R_BREAK = 26, R_PRIV_OP = 27, R_REG_NAT = 30,
               R_RSV = 31, R_UNIMPL_DATA = 32, R_VIRT = 34, R_UNIMPL_TARGET = 53;

    // ---- state ----
    reg  [63:0]  psr_q;
    reg  [63:0]  dcr_q, iva_q, ipsr_q, isr_q, iip_q, ifa_q, iipa_q, ifs_q, iim_q, iib0_q, iib1_q;
    reg  [127:0] iipa_bundle_q; // the bundle at IIPA, for the IIB0/1 of a trap taken with ic = 0
    reg          one_shot_q;    // clear id/da/dd/ed/ia after the next instruction (rfi restored some)
    reg          taken_q, redirect_q, completed_q, rd_valid_q;
    reg  [14:0]  vector_q;
    reg  [63:0]  next_ip_q, rd_value_q;
    reg  [1:0]   next_slot_q;

    wire [1:0] cpl  = psr_q[33:32];
    wire       ic   = psr_q[IC];
    wire       cpl0 = cpl == 2'd0;
    wire [4:0] k    = iclass;
    wire is_mov_to_cr   = ev_valid && k == C_MOV_TO_CR;
    wire is_mov_from_cr = ev_valid && k == C_MOV_FROM_CR;
    wire is_rfi         = ev_valid && k == C_RFI;
    wire is_load        = ev_valid && k == C_LOAD;
    wire is_store       = ev_valid && k == C_STORE;
    wire is_branch      = ev_valid && k == C_BRANCH;

    // ---- checks (architecture.md section 3.3) ----
    wire vmsw_illegal, vmsw_priv, vmsw_virt, vmsw_commit, vmsw_vm_next;
    hand_vti_vmsw #(.VM_IMPLEMENTED(1)) u_vmsw (
        .valid(ev_valid && k == C_VMSW), .to_vm(variant), .cpl(cpl), .psr_it(psr_q[IT]),
        .psr_vm(psr_q[VM]), .itlb_ar(page_ar), .vm_disabled(vm_disabled),
        .vmsw_disabled(vmsw_disabled), .illegal_op(vmsw_illegal), .priv_op(vmsw_priv),
        .virt_fault(vmsw_virt), .commit(vmsw_commit), .vm_next(vmsw_vm_next)
    );

    reg cr_implemented, cr_read_only;
    always @(*) begin
        case (cr_num)
            7'd0, 7'd1, 7'd2, 7'd8, 7'd16, 7'd17, 7'd19, 7'd20, 7'd21, 7'd22, 7'd23, 7'd24, 7'd25,
            7'd26, 7'd27, 7'd64, 7'd65, 7'd66, 7'd67, 7'd68, 7'd69, 7'd70, 7'd71, 7'd72:
                     cr_implemented = 1'b1;
            default: cr_implemented = 1'b0;
        endcase
        cr_read_only = cr_num == 7'd65 || (cr_num >= 7'd68 && cr_num <= 7'd71); // IVR, IRR0-3
    end
    wire cr_interruption = cr_num >= 7'd16 && cr_num <= 7'd27;

    wire illegal_op = is_mov_to_cr && (!cr_implemented || cr_read_only || (cr_interruption && ic))
                   || is_mov_from_cr && (!cr_implemented || (cr_interruption && ic))
                   || ev_valid && k == C_EPC && pfs_ppl < cpl
                   || vmsw_illegal;

    reg privileged, virt_cpl0, virt_any;
    always @(*) begin
        privileged = 1'b0; virt_cpl0 = 1'b0; virt_any = 1'b0;
        case (k)
            C_SSM, C_RSM, C_MOV_TO_PSR_L, C_MOV_FROM_PSR, C_MOV_TO_CR, C_MOV_FROM_CR, C_RFI,
            C_BSW, C_PRIV_OTHER: begin privileged = 1'b1; virt_cpl0 = 1'b1; end
            C_COVER, C_CPUID_READ: virt_cpl0 = 1'b1;
            C_THASH_TTAG:          virt_any = 1'b1;
            default: ;
        endcase
    end
    wire priv_op = ev_valid && privileged && !cpl0 || vmsw_priv;
    wire virt    = psr_q[VM] && ev_valid && (virt_cpl0 && cpl0 || virt_any) || vmsw_virt;
    wire reg_nat = ev_valid && r2_nat && (k == C_MOV_TO_PSR_L || k == C_MOV_TO_PSR_UM || k == C_MOV_TO_CR);

    // Reserved Register/Field: the PSR command's reserved operand bits ...
    reg cmd_rsv;
    always @(*) begin
        case (k)
            C_SSM, C_RSM:    cmd_rsv = |(imm & 24'h01_1FC1);
            C_SUM, C_RUM:    cmd_rsv = |(imm & 24'hFF_FFC1);
            C_MOV_TO_PSR_L:  cmd_rsv = |(r2 & 64'hF001_1FC1);
            C_MOV_TO_PSR_UM: cmd_rsv = |(r2 & ~64'h3E);
            default:         cmd_rsv = 1'b0;
        endcase
    end
    // ... and a mov to cr's reserved fields and reserved values (arch/cr.ts, SDM vol 2).
    wire [6:0] sof = r2[6:0], sol = r2[13:7], sor = {r2[17:14], 3'b000};
    wire [6:0] rrb_gr = r2[24:18], rrb_fr = r2[31:25];
    wire [5:0] rrb_pr = r2[37:32];
    wire bad_frame = sof > 7'd96 || sol > sof || sor > sof || (sor != 0 ? rrb_gr >= sor : rrb_gr != 0)
                  || rrb_fr >= 7'd96 || rrb_pr >= 6'd48;
    reg cr_rsv;
    always @(*) begin
        case (cr_num)
            7'd0:    cr_rsv = |(r2 & ~64'h7F07);                                             // DCR
            7'd8:    cr_rsv = |(r2 & 64'h7E02) || r2[7:2] < 6'd15;                           // PTA
            7'd16:   cr_rsv = |(r2 & ~PSR_ARCH) || r2[42:41] == 2'd3;                        // IPSR
            7'd17:   cr_rsv = |(r2 & 64'hFFFF_F000_FF00_0000) || r2[42:41] == 2'd3;          // ISR
            7'd21:   cr_rsv = |(r2 & 64'hFFFF_FFFF_0000_0003);                               // ITIR
            7'd23:   cr_rsv = |(r2 & 64'h7FFF_FFC0_0000_0000) || r2[63] && bad_frame;        // IFS
            7'd66:   cr_rsv = |r2[15:8];                                                     // TPR
            default: cr_rsv = 1'b0;
        endcase
    end
    wire rsv_field = ev_valid && cmd_rsv || is_mov_to_cr && cr_rsv;

    // Unimplemented addresses: data (PSR.dt; itc/itr/ptc/tpa operands always virtual), branch target (PSR.it).
    wire addr_unimpl, addr_monitor_only;
    hand_vti_addr_check #(.IMPL_VA_MSB(60), .IMPL_PA_MSB(62), .GUEST_SHRINK(1)) u_addr (
        .addr(addr), .vm(psr_q[VM]),
        .phys(is_branch ? !psr_q[IT] : ev_valid && k == C_PRIV_OTHER ? 1'b0 : !psr_q[DT]),
        .unimpl(addr_unimpl), .monitor_only(addr_monitor_only)
    );
    wire data_access = is_load || is_store || ev_valid && k == C_PRIV_OTHER && has_addr;

    // ---- pending vector and winner (architecture.md section 6) ----
    reg [55:0] pending;
    always @(*) begin
        pending = env_pending & {56{ev_valid}};
        pending[R_EXT_INT]       = pending[R_EXT_INT] | (ext_int & psr_q[I]);
        pending[R_ILLEGAL_OP]    = pending[R_ILLEGAL_OP] | illegal_op;
        pending[R_BREAK]         = pending[R_BREAK] | (ev_valid && k == C_BREAK);
        pending[R_PRIV_OP]       = pending[R_PRIV_OP] | priv_op;
        pending[R_REG_NAT]       = pending[R_REG_NAT] | reg_nat;
        pending[R_RSV]           = pending[R_RSV] | rsv_field;
        pending[R_UNIMPL_DATA]   = pending[R_UNIMPL_DATA] | (data_access && addr_unimpl);
        pending[R_VIRT]          = pending[R_VIRT] | virt;
        pending[R_UNIMPL_TARGET] = pending[R_UNIMPL_TARGET] | (is_branch && addr_unimpl);
    end
    wire        dispatch;
    wire [5:0]  win_index;
    wire [55:0] win;
    wire [14:0] win_vector;
    wire [15:0] win_code;
    wire [1:0]  win_kind;
    hand_vti_fault_prio u_prio (
        .pending(pending), .valid(dispatch), .index(win_index), .onehot(win),
        .iva_offset(win_vector), .isr_code(win_code), .kind(win_kind)
    );
    wire trap_win   = |(win & ROW_TRAP);
    wire fault_win  = dispatch && !trap_win; // a fault or an interrupt
    wire data_win   = |(win & ROW_DATA);
    wire fetch_win  = |(win & ROW_FETCH);
    wire ir_win     = |(win & ROW_IR);
    wire na_win     = |(win & ROW_NA);
    wire nested     = !ic && |(win & ROW_NESTED);
    wire done       = ev_valid && !dispatch;
    wire effect     = ev_valid && !fault_win; // done, or a trap after the instruction
    // The traps of one instruction are one interruption; ISR.code has each pending trap's bit.
    wire [15:0] trap_code = {11'd0, pending[53], pending[55], pending[54], pending[52], pending[51]};
    wire [14:0] vector    = nested ? 15'h1400 : win_vector;
    wire [15:0] isr_code  = nested ? 16'd0 : trap_win ? trap_code : win_code;

    // ---- the PSR after the instruction's own command (what it commits; a trap saves it) ----
    wire [4:0] um_writable = {3'b111, !psr_q[SP], 1'b1}; // {mfh mfl ac up be}
    wire [1:0] epc_cpl     = psr_q[IT] ? page_pl : 2'd0;
    reg  [63:0] psr_cmd;
    always @(*) begin
        psr_cmd = psr_q;
        case (k)
            C_SSM:           psr_cmd[23:0] = psr_q[23:0] | imm;
            C_RSM:           psr_cmd[23:0] = psr_q[23:0] & ~imm;
            C_SUM:           psr_cmd[5:1]  = psr_q[5:1] | imm[5:1] & um_writable;
            C_RUM:           psr_cmd[5:1]  = psr_q[5:1] & ~(imm[5:1] & um_writable);
            C_MOV_TO_PSR_L:  psr_cmd[31:0] = r2[31:0];
            C_MOV_TO_PSR_UM: psr_cmd[5:1]  = psr_q[5:1] & ~um_writable | r2[5:1] & um_writable;
            C_RFI:           psr_cmd       = ipsr_q & PSR_ARCH;
            C_VMSW:          if (vmsw_commit) psr_cmd[VM] = variant;
            C_EPC:           if ((!psr_q[IT] || page_ar == 3'd7) && epc_cpl < cpl) psr_cmd[33:32] = epc_cpl;
            C_BSW:           psr_cmd[BN] = variant;
            C_BRANCH:        if (variant && pfs_ppl > cpl) psr_cmd[33:32] = pfs_ppl; // br.ret
            default: ;
        endcase
    end
    wire one_shot_clear = one_shot_q && !is_rfi;
    wire [63:0] psr_after = one_shot_clear ? psr_cmd & ~PSR_ONE_SHOT : psr_cmd;
    // DCR.be/pp and IVA after the instruction (a mov to them takes effect before its trap).
    wire [1:0]  dcr_after      = is_mov_to_cr && cr_num == 7'd0 ? r2[1:0] : dcr_q[1:0];
    wire [48:0] iva_base_after = is_mov_to_cr && cr_num == 7'd2 ? r2[63:15] : iva_q[63:15];
    wire ic_after = psr_after[IC];

    // Interruption state: kept bits, be/pp from DCR, the rest 0.
    function [63:0] intr_state(input [63:0] p, input [1:0] be_pp);
        intr_state = p & PSR_KEPT | {42'd0, be_pp[0], 19'd0, be_pp[1], 1'b0};
    endfunction
    wire [63:0] psr_next = trap_win  ? intr_state(psr_after, dcr_after)
                         : fault_win ? intr_state(psr_q, dcr_q[1:0])
                         : ev_valid  ? psr_after
                         :             psr_q;
    wire saves_state = fault_win && ic || trap_win && ic_after;

    // ---- ISR (architecture.md section 4) ----
    reg [3:0] na_code;
    reg       na_r, na_w;
    always @(*) begin
        case (non_access_kind) // arch/non-access.ts: {code, r, w}
            4'd2:    {na_code, na_r, na_w} = {4'd1, 2'b10}; // fc
            4'd3:    {na_code, na_r, na_w} = {4'd2, 2'b10}; // probe.r
            4'd4:    {na_code, na_r, na_w} = {4'd2, 2'b01}; // probe.w
            4'd5:    {na_code, na_r, na_w} = {4'd3, 2'b00}; // tak
            4'd6:    {na_code, na_r, na_w} = {4'd4, 2'b10}; // lfetch.fault
            4'd7:    {na_code, na_r, na_w} = {4'd5, 2'b10}; // probe.r.fault
            4'd8:    {na_code, na_r, na_w} = {4'd5, 2'b01}; // probe.w.fault
            4'd9:    {na_code, na_r, na_w} = {4'd5, 2'b11}; // probe.rw.fault
            default: {na_code, na_r, na_w} = {4'd0, 2'b00}; // none, tpa
        endcase
    end
    wire na     = na_win && non_access_kind != 4'd0;
    wire access = data_win || win[R_REG_NAT];
    wire isr_r  = access && is_load || na && na_r;
    wire isr_w  = access && is_store || na && na_w;
    wire ic_seen = trap_win ? ic_after : ic;
    //                      ed    ei    so    ni        ir rs sp na  r      w      x
    wire [63:0] isr_own = {20'd0, 1'b0, slot, 1'b0, !ic_seen, 3'b000, na, isr_r, isr_w, fetch_win,
                           16'd0, isr_code | (na ? {12'd0, na_code} : 16'd0)};
    // An IR winner faulted on the RSE's load of the frame: ISR reports an RSE read (ir rs r), no w.
    wire [63:0] isr_next = ir_win ? isr_own & ~(64'd1 << 33) | (64'd1 << 38) | (64'd1 << 37) | (64'd1 << 34)
                                  : isr_own;

    // ---- mov from psr / psr.um / cr ----
    reg [63:0] cr_value;
    reg        cr_held;
    always @(*) begin
        cr_held = 1'b1;
        case (cr_num)
            7'd0:    cr_value = dcr_q;
            7'd2:    cr_value = iva_q;
            7'd16:   cr_value = ipsr_q;
            7'd17:   cr_value = isr_q;
            7'd19:   cr_value = iip_q;
            7'd20:   cr_value = ifa_q;
            7'd22:   cr_value = iipa_q;
            7'd23:   cr_value = ifs_q;
            7'd24:   cr_value = iim_q;
            7'd26:   cr_value = iib0_q;
            7'd27:   cr_value = iib1_q;
            default: begin cr_value = 64'd0; cr_held = 1'b0; end
        endcase
    end
    wire is_mov_from_psr    = ev_valid && k == C_MOV_FROM_PSR;
    wire is_mov_from_psr_um = ev_valid && k == C_MOV_FROM_PSR_UM;

    // ---- the registered effect ----
    wire [127:0] iib       = trap_win && !ic ? iipa_bundle_q : bundle;
    wire [1:0]   rfi_slot  = ipsr_q[42:41] == 2'd3 ? 2'd2 : ipsr_q[42:41]; // ri = 3 resumes at slot 2
    wire [48:0]  iva_base  = trap_win ? iva_base_after : iva_q[63:15];
    wire [63:0]  ipsr_save = trap_win ? {psr_after[63:43], next_slot_in, psr_after[40:0]}
                                      : {psr_q[63:43], slot, psr_q[40:0]};
    always @(posedge clk) begin
        if (rst) begin
            psr_q <= 64'd0;
            {dcr_q, iva_q, ipsr_q, isr_q, iip_q, ifa_q, iipa_q, ifs_q, iim_q, iib0_q, iib1_q} <= 704'd0;
            iipa_bundle_q <= 128'd0;
            one_shot_q    <= 1'b0;
            {taken_q, redirect_q, completed_q, rd_valid_q} <= 4'd0;
            vector_q <= 15'd0;
            {next_ip_q, rd_value_q} <= 128'd0;
            next_slot_q <= 2'd0;
        end else begin
            psr_q <= psr_next & PSR_ARCH;
            if (ev_valid || dispatch)
                one_shot_q <= done && is_rfi && |(ipsr_q & PSR_ONE_SHOT);
            taken_q     <= dispatch;
            vector_q    <= vector;
            completed_q <= done;
            redirect_q  <= dispatch || done && is_rfi;
            next_ip_q   <= dispatch ? {iva_base, vector} : done && is_rfi ? iip_q : 64'd0;
            next_slot_q <= !dispatch && done && is_rfi ? rfi_slot : 2'd0;
            rd_valid_q  <= done && (is_mov_from_psr || is_mov_from_psr_um || is_mov_from_cr && cr_held);
            rd_value_q  <= is_mov_from_psr ? psr_q & PSR_READ
                         : is_mov_from_psr_um ? psr_q & 64'h3F
                         : is_mov_from_cr ? cr_value : 64'd0;
            // The instruction's own effect (also when a trap follows it); the dispatch's writes win.
            if (effect) begin
                if (ic) begin
                    iipa_q        <= ip;
                    iipa_bundle_q <= bundle;
                end
                if (is_mov_to_cr)
                    case (cr_num)
                        7'd0:  dcr_q  <= r2;
                        7'd2:  iva_q  <= r2;
                        7'd16: ipsr_q <= r2;
                        7'd17: isr_q  <= r2;
                        7'd19: iip_q  <= r2;
                        7'd20: ifa_q  <= r2;
                        7'd22: iipa_q <= r2;
                        7'd23: ifs_q  <= r2;
                        7'd24: iim_q  <= r2;
                        7'd26: iib0_q <= r2;
                        7'd27: iib1_q <= r2;
                        default: ;
                    endcase
                if (k == C_COVER && !ic) ifs_q <= {1'b1, 25'd0, cfm};
            end
            if (dispatch) isr_q <= isr_next;
            if (saves_state) begin
                ipsr_q <= ipsr_save;
                iip_q  <= {(trap_win ? next_ip_in[63:4] : ip[63:4]), 4'd0};
                ifs_q  <= {1'b0, ifs_q[62:0]};
                iib0_q <= iib[63:0];
                iib1_q <= iib[127:64];
                if (data_win) ifa_q <= addr;
                else if (fetch_win) ifa_q <= ip;
                if (win[R_BREAK]) iim_q <= {43'd0, imm[20:0]};
            end
        end
    end

    assign psr = psr_q;
    assign {dcr, iva, ipsr, isr, iip, ifa, iipa, ifs, iim, iib0, iib1} =
           {dcr_q, iva_q, ipsr_q, isr_q, iip_q, ifa_q, iipa_q, ifs_q, iim_q, iib0_q, iib1_q};
    assign taken       = taken_q;
    assign intr_vector = vector_q;
    assign redirect    = redirect_q;
    assign next_ip     = next_ip_q;
    assign next_slot   = next_slot_q;
    assign completed   = completed_q;
    assign rd_valid    = rd_valid_q;
    assign rd_value    = rd_value_q;
endmodule
