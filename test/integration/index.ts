// Test entry for the extension host (`extensionTestsPath`): VS Code calls `run()` once the
// extension under development is loaded. Runs mocha over the compiled suites and writes a
// results file, because a crashed extension host still reads as exit code 0 to the runner.
import Mocha from 'mocha';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SuiteResults {
  trust: string;
  passes: number;
  failures: number;
  pending: number;
  failed: { title: string; error: string }[];
}

/** One plain line per test: the host forwards console output to the runner without printf formatting. */
class LineReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const say = (line: string) => console.log(`[mocha] ${line}`);
    runner.on('pass', (t) => say(`ok   ${t.fullTitle()} (${t.duration ?? 0} ms)`));
    runner.on('pending', (t) => say(`skip ${t.fullTitle()}`));
    runner.on('fail', (t, err: Error) => say(`FAIL ${t.fullTitle()}: ${err?.message ?? String(err)}`));
    runner.once('end', () => say(`${this.stats.passes} passing, ${this.stats.failures} failing, ${this.stats.pending} pending`));
  }
}

/** `*.untrusted.test.js` run only in the untrusted launch, every other suite only in the trusted one. */
function suiteFiles(dir: string, trust: string): string[] {
  const untrusted = (f: string) => f.endsWith('.untrusted.test.js');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js') && (trust === 'untrusted') === untrusted(f))
    .sort()
    .map((f) => join(dir, f));
}

export function run(): Promise<void> {
  const trust = process.env.DRIFTLENS_TEST_TRUST ?? 'trusted';
  const resultsPath = process.env.DRIFTLENS_TEST_RESULTS;
  const mocha = new Mocha({ ui: 'tdd', color: false, reporter: LineReporter, timeout: 60_000, grep: process.env.DRIFTLENS_TEST_GREP || undefined });
  for (const f of suiteFiles(join(__dirname, 'suite'), trust)) mocha.addFile(f);

  const results: SuiteResults = { trust, passes: 0, failures: 0, pending: 0, failed: [] };
  const save = () => {
    if (resultsPath) writeFileSync(resultsPath, JSON.stringify(results, null, 2));
  };
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        save();
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
      runner.on('pass', () => results.passes++);
      runner.on('pending', () => results.pending++);
      runner.on('fail', (t, err: Error) => {
        results.failures++;
        results.failed.push({ title: t.fullTitle(), error: err?.stack ?? String(err) });
      });
    } catch (err) {
      // A suite that throws at load time: record it so the runner does not see "0 passes" only.
      results.failures++;
      results.failed.push({ title: '(loading suites)', error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
      save();
      reject(err);
    }
  });
}
