/** Progress of a long command, on stderr so that stdout stays clean for the result. */
export interface Progress {
  /** `done` of `total` units of work are finished; `message` says what is going on. */
  step(message: string, done: number, total: number): void;
  /** Removes the bar, if any, so that other output starts on a clean line. */
  finish(): void;
}

interface Stream {
  isTTY?: boolean;
  write(text: string): unknown;
}

const barWidth = 24;

/** CI systems set CI (usually `true`); their logs cannot redraw a line. */
export const isCi = (env: NodeJS.ProcessEnv) => env.CI !== undefined && env.CI !== "" && env.CI !== "false" && env.CI !== "0";

/** A bar redrawn in place on a terminal; plain lines where nobody watches a terminal (pipes, files, CI). */
export function createProgress(stream: Stream = process.stderr, env: NodeJS.ProcessEnv = process.env): Progress {
  return stream.isTTY === true && !isCi(env) ? barProgress(stream) : lineProgress(stream);
}

function barProgress(stream: Stream): Progress {
  let drawn = false;
  return {
    step(message, done, total) {
      const filled = total > 0 ? Math.round((done / total) * barWidth) : barWidth;
      stream.write(`\r\x1b[2K[${"#".repeat(filled)}${"-".repeat(barWidth - filled)}] ${done}/${total} ${message}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write("\r\x1b[2K");
      drawn = false;
    },
  };
}

function lineProgress(stream: Stream): Progress {
  return {
    step: (message, done, total) => stream.write(`${message} (${done}/${total})\n`),
    finish: () => {},
  };
}
