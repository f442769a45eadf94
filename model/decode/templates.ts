// The 32 bundle templates (SDM vol 3 Table 3-10): execution unit of each slot and where the
// stops (instruction-group boundaries) are. 'L' is the long-immediate slot of MLX (slot 1) and
// 'X' its partner (slot 2). Reserved templates are null.

export type SlotUnit = 'M' | 'I' | 'F' | 'B' | 'L' | 'X';

export interface Template {
  readonly name: string;
  readonly units: readonly [SlotUnit, SlotUnit, SlotUnit];
  /** stopAfter[i]: an instruction-group boundary follows slot i. */
  readonly stopAfter: readonly [boolean, boolean, boolean];
}

const t = (u: string, stops: string): Template => ({
  name: u,
  units: [u[0] as SlotUnit, u[1] as SlotUnit, u[2] as SlotUnit],
  stopAfter: [stops.includes('0'), stops.includes('1'), stops.includes('2')],
});

export const TEMPLATES: readonly (Template | null)[] = Object.freeze([
  t('MII', ''),
  t('MII', '2'),
  t('MII', '1'),
  t('MII', '12'),
  t('MLX', ''),
  t('MLX', '2'),
  null,
  null,
  t('MMI', ''),
  t('MMI', '2'),
  t('MMI', '0'),
  t('MMI', '02'),
  t('MFI', ''),
  t('MFI', '2'),
  t('MMF', ''),
  t('MMF', '2'),
  t('MIB', ''),
  t('MIB', '2'),
  t('MBB', ''),
  t('MBB', '2'),
  null,
  null,
  t('BBB', ''),
  t('BBB', '2'),
  t('MMB', ''),
  t('MMB', '2'),
  null,
  null,
  t('MFB', ''),
  t('MFB', '2'),
  null,
  null,
]);
