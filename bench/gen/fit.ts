// The exponent k of a power law time ≈ c·N^k fitted to measured points (least squares on
// log N, log time): k ≈ 1 is linear, 2 quadratic.
export function fittedExponent(points: readonly { readonly n: number; readonly ms: number }[]): number {
  if (points.length < 2) throw new Error('fittedExponent needs at least two points');
  const xs = points.map((p) => Math.log(p.n));
  const ys = points.map((p) => Math.log(p.ms));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0,
    sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  return sxy / sxx;
}
