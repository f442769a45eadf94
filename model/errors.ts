// Errors the emulator reports to its caller (the CLI turns them into one-line messages).

/** The run reached an encoding outside the covered instruction set (emulator.md). */
export class UnsupportedInstruction extends Error {
  override name = 'UnsupportedInstruction';
  constructor(
    readonly address: bigint,
    readonly slot: number,
    readonly encoding: string,
    readonly detail: string,
  ) {
    super(`unsupported instruction at 0x${address.toString(16)} slot ${slot}: encoding ${encoding} (${detail})`);
  }
}
