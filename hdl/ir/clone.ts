// The copy of a design that elaboration hands to the check passes. The passes change only
// names (the keyword-renaming pass renames signals, instances and instance port keys), so
// those objects are copied and the readonly rest — expressions, statement trees, memories,
// properties — is shared. (structuredClone copied everything, recursing natively along a
// statement tree: a when/elsewhen chain of a few thousand arms overflowed the stack, and a
// full copy of a 65536-arm chain cost more than its emission.)
import type { IRDesign, IRModule } from './types.js';

export function copyForPasses(design: IRDesign): IRDesign {
  return { top: design.top, modules: design.modules.map(copyModule) };
}

function copyModule(m: IRModule): IRModule {
  return {
    ...m,
    signals: m.signals.map((s) => ({ ...s })),
    exprs: [...m.exprs],
    processes: [...m.processes],
    instances: m.instances.map((i) => ({ ...i, inputs: { ...i.inputs }, outputs: { ...i.outputs } })),
  };
}
