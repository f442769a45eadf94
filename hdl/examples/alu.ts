// Example: a combinational ALU over an enum of operations.
import { cat, defineModule, enumType, mux, type HdlModule } from '../dsl/index.js';

export const AluOp = enumType('alu_op', 3, { ADD: 0, SUB: 1, AND: 2, OR: 3, XOR: 4, SHL: 5, SRA: 6, SLT: 7 });

export function alu({ width = 32 }: { readonly width?: number } = {}): HdlModule {
  const shBits = Math.max(1, Math.ceil(Math.log2(width)));
  return defineModule(
    'alu',
    (m) => {
      const op = m.input('op', AluOp);
      const a = m.input('a', width);
      const b = m.input('b', width);
      const y = m.output('y', width);
      const carry = m.output('carry', 1);
      const zero = m.output('zero', 1);
      const sum = m.named('sum', a.zext(width + 1).add(b.zext(width + 1)));
      const amount = b.bits(shBits - 1, 0);
      m.switch(op, (s) => {
        s.is(m.enumValue(AluOp, 'ADD'), () => y.set(sum.trunc(width)));
        s.is(m.enumValue(AluOp, 'SUB'), () => y.set(a.sub(b)));
        s.is(m.enumValue(AluOp, 'AND'), () => y.set(a.and(b)));
        s.is(m.enumValue(AluOp, 'OR'), () => y.set(a.or(b)));
        s.is(m.enumValue(AluOp, 'XOR'), () => y.set(a.xor(b)));
        s.is(m.enumValue(AluOp, 'SHL'), () => y.set(a.shl(amount)));
        s.is(m.enumValue(AluOp, 'SRA'), () => y.set(a.sra(amount)));
        s.default(() => y.set(cat(m.lit(0, width - 1), a.slt(b))));
      });
      carry.set(mux(op.eq(m.enumValue(AluOp, 'ADD')), sum.msb(), m.lit(0, 1)));
      zero.set(y.eq(0));
    },
    { doc: `ALU, ${width} bits.`, params: { width } },
  );
}
