// Bit masks (bigint) of signal bits, and their rendering as bit ranges for messages.
export function fullMask(width: number): bigint {
  return (1n << BigInt(width)) - 1n;
}

export function rangeMask(hi: number, lo: number): bigint {
  return fullMask(hi - lo + 1) << BigInt(lo);
}

/** "7:4, 1" for the set bits of `mask`, most significant range first. */
export function describeBits(mask: bigint, width: number): string {
  const ranges: string[] = [];
  let i = width - 1;
  while (i >= 0) {
    if ((mask >> BigInt(i)) & 1n) {
      const hi = i;
      while (i >= 0 && (mask >> BigInt(i)) & 1n) i--;
      const lo = i + 1;
      ranges.push(hi === lo ? `${hi}` : `${hi}:${lo}`);
    } else i--;
  }
  return ranges.join(', ');
}
