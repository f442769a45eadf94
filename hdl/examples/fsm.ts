// Example: a small FSM — a request/grant handshake with a timeout.
import { defineModule, enumType, type HdlModule } from '../dsl/index.js';

export const HsState = enumType('hs_state', 2, { IDLE: 0, WAIT: 1, GRANT: 2, TIMEOUT: 3 });

export function handshake({ timeout = 5 }: { readonly timeout?: number } = {}): HdlModule {
  const tw = Math.max(1, Math.ceil(Math.log2(timeout + 1)));
  return defineModule(
    'handshake',
    (m) => {
      m.clock();
      m.reset();
      const req = m.input('req', 1);
      const ack = m.input('ack', 1);
      const grant = m.output('grant', 1);
      const timedOut = m.output('timed_out', 1);
      const state = m.reg('state', HsState, { init: HsState.values.IDLE });
      const timer = m.reg('timer', tw, { init: 0 });
      const S = (k: keyof typeof HsState.values) => m.enumValue(HsState, k);
      m.switch(state, (s) => {
        s.is(S('IDLE'), () => {
          m.when(req, () => {
            state.set(S('WAIT'));
            timer.set(0);
          });
        });
        s.is(S('WAIT'), () => {
          m.when(ack, () => state.set(S('GRANT')))
            .elsewhen(timer.eq(timeout), () => state.set(S('TIMEOUT')))
            .otherwise(() => timer.set(timer.add(1)));
        });
        s.is(S('GRANT'), () => m.when(req.not(), () => state.set(S('IDLE'))));
        s.is(S('TIMEOUT'), () => m.when(req.not(), () => state.set(S('IDLE'))));
      });
      grant.set(state.eq(S('GRANT')));
      timedOut.set(state.eq(S('TIMEOUT')));
    },
    { doc: `Request/grant handshake; gives up after ${timeout} cycles without ack.`, params: { timeout } },
  );
}
