// The streams and exit status a CLI command writes to (injectable for tests).
export interface CliIO {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  /** records an exit code; the highest one wins */
  setExit(code: number): void;
}
