// Example: a loadable up-counter with enable and synchronous reset.
import { defineModule, type HdlModule } from '../dsl/index.js';

export interface CounterOptions {
  readonly width?: number;
}

export function counter({ width = 8 }: CounterOptions = {}): HdlModule {
  return defineModule(
    'counter',
    (m) => {
      m.clock();
      m.reset();
      const en = m.input('en', 1);
      const load = m.input('load', 1);
      const value = m.input('value', width);
      const count = m.output('count', width);
      const wrap = m.output('wrap', 1);
      const q = m.reg('q', width, { init: 0 });
      m.when(load, () => q.set(value)).elsewhen(en, () => q.set(q.add(1)));
      count.set(q);
      wrap.set(en.and(q.andR()).and(load.not()));
    },
    {
      doc: `Up-counter, ${width} bits: load has priority over en; wrap marks the step from all-ones to 0.`,
      params: { width },
    },
  );
}
