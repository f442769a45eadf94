// How a regression's tasks run: a backend starts the given tasks and resolves when each has
// ended (well or not); whether a task succeeded is read from its result file, never from the
// backend (so a killed process, a lost node or a killed driver lose nothing that was written).
export interface Backend {
  readonly name: 'local' | 'slurm';
  run(tasks: readonly number[], attempt: number): Promise<void>;
}

export type Log = (line: string) => void;
