// What the test scripts share: strict arguments, and their line protocol on stdout (one line per
// event, read by the JUnit tests through NodeScript).
import { parseArgs } from 'node:util';

/** The --options' values; a bad or missing one prints "ERROR bad arguments: ..." and exits 2. */
export function argsOrExit(options, required = []) {
  try {
    const { values } = parseArgs({ options, strict: true });
    for (const name of required) {
      if (!values[name]) throw new Error(`--${name} is required`);
    }
    return values;
  } catch (e) {
    process.stdout.write(`ERROR bad arguments: ${e.message}\n`);
    process.exit(2);
  }
}

/** Any value as one line of text. */
export const oneLine = (v) => String(v).replace(/\s+/g, ' ').trim();

/**
 * line(text) prints one event; finish(code, lastLine, detail) prints the last one (and the detail
 * on stderr, for humans), runs cleanup (given at most 5 s: a hanging browser must not keep the
 * JUnit test waiting) and exits with code. Nothing is printed after finish.
 */
export function lineProtocol(cleanup = () => {}) {
  let finished = false;
  const line = (text) => {
    if (!finished) process.stdout.write(text + '\n');
  };
  const finish = async (code, lastLine, detail) => {
    if (finished) return;
    if (lastLine) line(lastLine);
    if (detail) process.stderr.write(detail + '\n');
    finished = true;
    const cleaning = Promise.resolve().then(cleanup).catch(() => {});
    await Promise.race([cleaning, new Promise((r) => setTimeout(r, 5000))]);
    // stdout is a pipe when spawned by the Java test: let it drain before exiting
    process.stdout.write('', () => process.exit(code));
  };
  return { line, finish, finished: () => finished };
}
