// Issue 15, "no secret leaves": over every Terraform root and ARM template in the fixture corpus, the
// value of a sensitive attribute (by the engine's own name rule), of a variable marked `sensitive`
// (its default and its tfvars value) and of a `secureString` ARM parameter default never appears in
// what DriftLens writes for that root: the inventory, the scan's text, JSON and SARIF reports, the
// desired/live maps behind the diff documents, and every log line.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildInventory } from '../../../src/iac/inventory';
import { isSensitiveName } from '../../../src/iac/sensitive';
import { scanWorkspace } from '../../../src/engine/scan';
import { formatJson } from '../../../src/engine/report/json';
import { formatSarif } from '../../../src/engine/report/sarif';
import { formatText } from '../../../src/engine/report/text';
import type { Logger } from '../../../src/model';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** Placeholders and expressions are not secrets; a secret worth the name has some length. */
const worthChecking = (v: string) => v.length >= 6 && !/^\$\{|^(true|false|null|changeme|\(sensitive\))$/i.test(v);

/** The variables marked `sensitive` in a folder's .tf files. */
function sensitiveVariables(files: string[]): string[] {
  const names: string[] = [];
  for (const f of files.filter((x) => x.endsWith('.tf'))) {
    for (const m of readFileSync(f, 'utf8').matchAll(/variable\s+"([\w-]+)"\s*\{([\s\S]*?)\n\}/g)) if (/\bsensitive\s*=\s*true\b/.test(m[2])) names.push(m[1]);
  }
  return names;
}

/** A value no fixture holds, given to each sensitive variable through TF_VAR_<name> (as CI passes secrets). */
const canary = (name: string) => `canary-${name}-7f3a9c`;

/** The secrets a folder's files hold, read from the text so the engine's own reading is not trusted. */
function secretsOf(files: string[]): string[] {
  const found = new Set<string>();
  const sensitiveVars = new Set<string>();
  for (const f of files.filter((x) => x.endsWith('.tf'))) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/variable\s+"([\w-]+)"\s*\{([\s\S]*?)\n\}/g)) {
      if (!/\bsensitive\s*=\s*true\b/.test(m[2])) continue;
      sensitiveVars.add(m[1]);
      const d = /\bdefault\s*=\s*"([^"]*)"/.exec(m[2]);
      if (d && worthChecking(d[1])) found.add(d[1]);
    }
    for (const m of text.matchAll(/^\s*([\w-]+)\s*=\s*"([^"$]*)"\s*$/gm)) if (isSensitiveName(m[1]) && worthChecking(m[2])) found.add(m[2]);
  }
  for (const f of files.filter((x) => /\.tfvars$/.test(x))) {
    for (const m of readFileSync(f, 'utf8').matchAll(/^\s*([\w-]+)\s*=\s*"([^"]*)"\s*$/gm)) if ((sensitiveVars.has(m[1]) || isSensitiveName(m[1])) && worthChecking(m[2])) found.add(m[2]);
  }
  return [...found];
}

function armSecrets(file: string): string[] {
  let template: { parameters?: Record<string, { type?: string; defaultValue?: unknown }> };
  try {
    template = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
  return Object.values(template.parameters ?? {})
    .filter((p) => /^secure(string|object)$/i.test(p.type ?? '') && typeof p.defaultValue === 'string' && worthChecking(p.defaultValue))
    .map((p) => p.defaultValue as string);
}

const all = walk(FIXTURES);
const roots = [...new Set(all.filter((f) => f.endsWith('.tf')).map((f) => f.slice(0, f.lastIndexOf('/'))))].sort();
const armTemplates = all.filter((f) => f.endsWith('.json') && /deploymentTemplate\.json#/.test(readFileSync(f, 'utf8').slice(0, 400)));

describe('no secret leaves (issue 15): the whole fixture corpus', function () {
  this.timeout(120_000);

  const filesOf = (root: string) => all.filter((f) => f.slice(0, f.lastIndexOf('/')) === root);

  it('the corpus holds secrets to look for (the test can fail)', () => {
    const literal = roots.flatMap((r) => secretsOf(filesOf(r))).length;
    const canaries = roots.flatMap((r) => sensitiveVariables(filesOf(r))).length;
    assert.ok(literal >= 1 && canaries >= 2, `${literal} literal secrets, ${canaries} sensitive variables in ${roots.length} roots`);
    // ARM: secureString parameters are declared; their masking end to end is scanMasking.test.ts's.
    assert.ok(armTemplates.length >= 1 && armTemplates.flatMap(armSecrets).length === 0, 'no ARM template in the corpus gives a secureString a default (it would be a leak in the fixture itself)');
  });

  for (const root of roots) {
    const files = filesOf(root);
    // A sensitive variable no resource uses (azure-linux-vm's admin_password) could leak nothing.
    const vars = sensitiveVariables(files).filter((v) => files.some((f) => f.endsWith('.tf') && readFileSync(f, 'utf8').includes(`var.${v}`)));
    const secrets = [...secretsOf(files), ...vars.map(canary)];
    if (secrets.length === 0) continue;
    it(`${relative(FIXTURES, root)}: ${secrets.length} secret(s) absent from inventory, reports, diff maps and logs`, async () => {
      const logs: string[] = [];
      const logger: Logger = { debug: (m) => logs.push(String(m)), info: (m) => logs.push(String(m)), warn: (m) => logs.push(String(m)), error: (m) => logs.push(String(m)) };
      const env = Object.fromEntries(vars.map((v) => [`TF_VAR_${v}`, canary(v)]));
      const saved = Object.keys(env).map((k) => [k, process.env[k]] as const);
      Object.assign(process.env, env);
      let inventory: string;
      try {
        inventory = JSON.stringify(await buildInventory(root));
      } finally {
        for (const [k, v] of saved) {
          if (v === undefined) delete process.env[k];
          else process.env[k] = v;
        }
      }
      // No provider: nothing is fetched, every value the code declares still goes through the reports.
      const { result } = await scanWorkspace({ dir: root, providers: [], logger, variables: { env, args: [] } });
      const outputs: Record<string, string> = {
        inventory,
        text: formatText(result),
        json: formatJson(result),
        sarif: formatSarif(result),
        diff: JSON.stringify(result.resources.map((r) => [r.desired, r.live, r.drifts, r.unverifiedAttributes, r.reason])),
        errors: JSON.stringify(result.errors),
        logs: logs.join('\n'),
      };
      for (const s of secrets) for (const [name, text] of Object.entries(outputs)) assert.ok(!text.includes(s), `${name} output of ${relative(FIXTURES, root)} contains the secret "${s}"`);
    });
  }
});
