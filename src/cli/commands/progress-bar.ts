// A one-line progress bar for terminals (rewritten in place with \r): done/total, articles/s, ETA, errors.
export class ProgressBar {
  private lastDraw = 0;
  private readonly started = Date.now();

  constructor(private readonly stream: NodeJS.WritableStream, private readonly total: number, private readonly label: string) {}

  /** Redraws at most ten times a second, so a fast ingest does not spend its time printing. */
  update(done: number, articles: number, errors: number, force = false): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? articles / seconds : 0;
    const inputRate = seconds > 0 ? done / seconds : 0;
    const eta = inputRate > 0 && done < this.total ? `ETA ${formatSeconds((this.total - done) / inputRate)}` : "";
    const width = 24;
    const filled = this.total ? Math.round((done / this.total) * width) : width;
    const bar = `${"#".repeat(filled)}${"-".repeat(width - filled)}`;
    const line = `${this.label} [${bar}] ${done}/${this.total}  ${rate.toFixed(1)} articles/s  ${eta}  errors ${errors}`;
    this.stream.write(`\r${line.padEnd(90)}`);
  }

  /** Leaves the last state on screen and moves to a new line. */
  finish(done: number, articles: number, errors: number): void {
    this.update(done, articles, errors, true);
    this.stream.write("\n");
  }
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${s.toFixed(0)}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(Math.round(s % 60)).padStart(2, "0")}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}
