// An error meant for the user: printed as one line `vti <command>: <message>`, exit code 1.
export class UserError extends Error {
  readonly userFacing = true;
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
