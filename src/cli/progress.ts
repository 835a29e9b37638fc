// Progress for long work: a bar on an interactive terminal, a line per step under --verbose, else nothing.
import cliProgress from 'cli-progress';

export interface Reporter {
  log(line: string): void;
  warn(line: string): void;
  progress(label: string, done: number, total: number): void;
  bytes(label: string, done: number, total: number | undefined): void;
  stop(): void;
}

export function createReporter(verbose: boolean): Reporter {
  const interactive = Boolean(process.stderr.isTTY);
  let bar: cliProgress.SingleBar | undefined;
  let barLabel = '';
  // Without a terminal, verbose logs get a line per tenth of the work, not one per video frame.
  let loggedTenth = -1;
  const stopBar = () => {
    bar?.stop();
    bar = undefined;
  };
  const show = (label: string, done: number, total: number, format: string) => {
    if (!interactive) {
      const tenth = Math.floor((10 * done) / Math.max(total, 1));
      if (label !== barLabel) loggedTenth = -1;
      barLabel = label;
      if (verbose && tenth !== loggedTenth) process.stderr.write(`${label} ${done}/${total}\n`);
      loggedTenth = tenth;
      return;
    }
    if (!bar || barLabel !== label) {
      stopBar();
      barLabel = label;
      bar = new cliProgress.SingleBar({ format, stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
      bar.start(total, 0, { label });
    }
    bar.setTotal(total);
    bar.update(done, { label });
    if (done >= total) stopBar();
  };
  return {
    log(line) {
      if (verbose || interactive) process.stderr.write(`${line}\n`);
    },
    warn(line) {
      stopBar();
      process.stderr.write(`warning: ${line}\n`);
    },
    progress(label, done, total) {
      show(label, done, total, '{label} [{bar}] {value}/{total} | ETA {eta_formatted}');
    },
    bytes(label, done, total) {
      if (total === undefined) return;
      // Verbose logs would get a line per network packet: only the bar shows byte progress.
      if (interactive) show(label, Math.round(done / 1e6), Math.round(total / 1e6), '{label} [{bar}] {value}/{total} MB');
    },
    stop: stopBar,
  };
}
