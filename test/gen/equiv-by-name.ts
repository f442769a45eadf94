// Sequential equivalence of two versions of one module whose registers keep their names: Yosys
// `equiv_make` pairs every signal of the two by name, `equiv_simple` + `equiv_induct` prove the
// pairs equal by induction, `equiv_status -assert` fails on any pair left unproven.
import { type DesignRef, loadScript, placeFiles } from '../../formal/design.js';
import { yosys } from '../../formal/yosys.js';

/**
 * Signals of vti_core whose meaning changed on purpose (issue 18, Fmax): vti_psr's command
 * inputs. The core used to issue the instruction's command; now it computes the PSR's next
 * value itself and issues a load (RFI) of it. The PSR register inside (u_psr.psr_arch_q) and
 * vti_psr's next-state wire (u_psr.psr_d) stay paired.
 */
export const VTI_CORE_UNPAIRED = ['u_psr.op', 'u_psr.operand'] as const;

/**
 * Every signal of `gate` proven equal to its namesake in `gold`. `unpaired`: signal names
 * (after flattening, `inst.sig`) whose meaning differs on purpose between the two versions;
 * they are left out of the pairing in both.
 */
export async function equivByName(gold: DesignRef, gate: DesignRef, unpaired: readonly string[] = []): Promise<string> {
  const hide = unpaired.map((n) => `rename -hide w:${n.replace(/\./g, '\\.')}`);
  const script = [
    loadScript(gold, 'gold', 'gold'),
    loadScript(gate, 'gate', 'gate'),
    'design -copy-from gold -as gold gold',
    'design -copy-from gate -as gate gate',
    // The emitter's numbered temporaries (_tN) are not names from the source: a change elsewhere
    // renumbers them, so they are not paired (only the source's names are), nor inside instances.
    'rename -hide w:_t*',
    'rename -hide w:*._t*',
    ...hide,
    'equiv_make gold gate equiv',
    'hierarchy -top equiv',
    'async2sync',
    'equiv_simple -seq 2',
    'equiv_induct',
    'equiv_status -assert',
  ].join('\n');
  const r = await yosys(script, { ...placeFiles(gold, 'gold'), ...placeFiles(gate, 'gate') });
  return r.stdout;
}
