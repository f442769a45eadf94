// Example designs that go through the whole flow (build → check → emit → lint → simulate).
import type { HdlModule } from '../dsl/index.js';
import { alu } from './alu.js';
import { counter } from './counter.js';
import { handshake } from './fsm.js';

export const EXAMPLES: Readonly<Record<string, () => HdlModule>> = {
  counter: () => counter({ width: 8 }),
  alu: () => alu({ width: 32 }),
  handshake: () => handshake({ timeout: 5 }),
};
