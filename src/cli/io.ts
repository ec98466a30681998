/**
 * Where commands write. Tests pass buffers; the real CLI passes process streams. Commands never call
 * console.log or process.exit, so they can run in-process and the exit code is decided in one place.
 */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal (progress bars) — false in tests and pipes. */
  isTTY: boolean;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stderr.isTTY),
};

export function bufferIo(): Io & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (text) => (out += text),
    err: (text) => (err += text),
    isTTY: false,
    stdout: () => out,
    stderr: () => err,
  };
}
