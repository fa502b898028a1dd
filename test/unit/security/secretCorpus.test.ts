// Issue 15, "no secret leaves": over every Terraform root and ARM template in the fixture corpus, the
// value of a sensitive attribute (by the engine's own name rule), of a variable marked `sensitive`
// (its default and its tfvars value) and of a `secureString` ARM parameter default never appears in
// what DriftLens writes for that root: the inventory, the scan's text, JSON and SARIF reports, the
// desired/live maps behind the diff documents, and every log line — and the editor's surfaces, built by
// the same pure functions the editor uses from the same results: diagnostic messages, hover markdown,
// CodeLens titles, tree labels/descriptions/tooltips, diff documents, quick-fix edits, status bar and the
// drift history file. A second scan per root has every declared value drifted (and some resources
// missing) through a provider that answers every binding, so drift and missing renderers see the secrets.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildInventory } from '../../../src/iac/inventory';
import { isSensitiveName } from '../../../src/iac/sensitive';
import { scanWorkspace } from '../../../src/engine/scan';
import { formatJson } from '../../../src/engine/report/json';
import { formatSarif } from '../../../src/engine/report/sarif';
import { formatText } from '../../../src/engine/report/text';
import type { Binding, LiveResult, LiveStateProvider, Logger, ScanResult, Value } from '../../../src/model';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fixEditForDrift } from '../../../src/engine/fix/fixEdit';
import { hoverMarkdown } from '../../../src/diagnostics/hoverText';
import { driftMessage, missingDiagnosticMessage, originNote, unverifiedAttributeMessage, unverifiedResourceMessage } from '../../../src/diagnostics/diagnosticText';
import { statusLensText } from '../../../src/diagnostics/lensText';
import { countResults, formatChange, statusBarText } from '../../../src/editor/labels';
import { recordHistory } from '../../../src/editor/scanHistory';
import { buildTreeModel, type DriftNode } from '../../../src/views/driftTreeModel';
import { rowText } from '../../../src/views/driftTreeText';
import { normalizedJson } from '../../../src/views/diffText';

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

/** A live value unlike the declared one, of the same shape, that holds no declared text. */
function drifted(v: Value, n: { i: number }): Value {
  if (typeof v === 'string') return `live-value-${n.i++}`;
  if (typeof v === 'number') return v + 1;
  if (typeof v === 'boolean') return !v;
  if (Array.isArray(v)) return v.map((x) => drifted(x, n));
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, drifted(x, n)]));
  return 'live-value-null';
}

/** Answers every binding of every provider name: each declared value changed, or (`gone`) every resource not found. */
function everything(names: string[], gone: boolean): LiveStateProvider {
  return {
    name: names[0],
    serves: names.slice(1),
    supports: () => true,
    fetch: async (bindings: Binding[]) => {
      const n = { i: 0 };
      return new Map(bindings.map((b): [Binding, LiveResult] => [b, gone ? { status: 'not-found' } : { status: 'found', attributes: drifted((b.declared ?? {}) as Value, n) as Record<string, Value> }]));
    },
  };
}

/** The Terraform provider names a folder's .tf files use (resource type prefixes). */
function providerNames(files: string[]): string[] {
  const names = new Set(['aws']);
  for (const f of files.filter((x) => x.endsWith('.tf'))) for (const m of readFileSync(f, 'utf8').matchAll(/resource\s+"([a-z0-9]+)_/g)) names.add(m[1]);
  return [...names];
}

/** Everything the editor's surfaces show for these results, through the functions they use, by surface. */
async function editorOutputs(results: ScanResult[], folder: string): Promise<Record<string, string>> {
  const now = new Date('2026-12-04T12:00:00Z');
  const out: Record<string, string[]> = { diagnostics: [], hover: [], codeLens: [], tree: [], diffDocuments: [], quickFix: [], statusBar: [], history: [] };
  for (const result of results) {
    for (const r of result.resources) {
      for (const d of r.drifts) {
        out.diagnostics.push(driftMessage(r, d), driftMessage(r, d, 'envs/x'), originNote('envs/x'));
        out.hover.push(hoverMarkdown([{ result: r, drift: d, attribution: { attributionNote: 'no change event' } }], now, true));
        out.tree.push(formatChange(d));
        if (d.origin && existsSync(d.origin.file)) out.quickFix.push(fixEditForDrift(d, readFileSync(d.origin.file, 'utf8'))?.newText ?? '');
      }
      for (const u of r.unverifiedAttributes) out.diagnostics.push(unverifiedAttributeMessage(r, u));
      if (r.status === 'missing') {
        out.diagnostics.push(missingDiagnosticMessage(r, 'envs/x'));
        out.hover.push(hoverMarkdown([{ result: r }], now, true));
      }
      if (r.status === 'unverified') out.diagnostics.push(unverifiedResourceMessage(r));
      const lens = statusLensText([r], now, now, 'envs/x');
      out.codeLens.push(lens.title, lens.tooltip);
      out.diffDocuments.push(normalizedJson(r.desired), normalizedJson(r.live));
    }
    out.statusBar.push(JSON.stringify(statusBarText(countResults(result.resources), false)));
  }
  const walkTree = (nodes: readonly DriftNode[]) => {
    for (const node of nodes) {
      const t = rowText(node, { now, canLookUp: true });
      out.tree.push(t.label, t.description ?? '', t.tooltip);
      if ('children' in node) walkTree(node.children as DriftNode[]);
    }
  };
  walkTree(buildTreeModel(results.map((result) => ({ folder, result }))).roots);
  const storage = mkdtempSync(join(tmpdir(), 'driftlens-secret-history-'));
  try {
    await recordHistory(storage, results.map((result) => ({ folder, result })), (m) => out.history.push(m));
    for (const f of walk(storage)) out.history.push(readFileSync(f, 'utf8'));
  } finally {
    rmSync(storage, { recursive: true, force: true });
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.join('\n')]));
}

const all = walk(FIXTURES);
const roots = [...new Set(all.filter((f) => f.endsWith('.tf')).map((f) => f.slice(0, f.lastIndexOf('/'))))].sort();
const armTemplates = all.filter((f) => f.endsWith('.json') && /deploymentTemplate\.json#/.test(readFileSync(f, 'utf8').slice(0, 400)));

describe('no secret leaves (issue 15): the whole fixture corpus', function () {
  this.timeout(120_000);

  const filesOf = (root: string) => all.filter((f) => f.slice(0, f.lastIndexOf('/')) === root);
  let drifts = 0;
  let sensitiveDrifts = 0;

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
    it(`${relative(FIXTURES, root)}: ${secrets.length} secret(s) absent from inventory, reports, diff maps, logs and every editor surface`, async () => {
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
      // Every declared value drifted, then every resource missing: the drift and missing renderers see them all.
      const { result: live } = await scanWorkspace({ dir: root, providers: [everything(providerNames(files), false)], logger, variables: { env, args: [] } });
      const { result: gone } = await scanWorkspace({ dir: root, providers: [everything(providerNames(files), true)], logger, variables: { env, args: [] } });
      drifts += live.resources.reduce((n, r) => n + r.drifts.length, 0);
      sensitiveDrifts += live.resources.reduce((n, r) => n + r.drifts.filter((d) => d.sensitive).length, 0);
      const editor = await editorOutputs([result, live, gone], root);
      const outputs: Record<string, string> = {
        inventory,
        text: formatText(result),
        json: formatJson(result),
        sarif: formatSarif(result),
        diff: JSON.stringify(result.resources.map((r) => [r.desired, r.live, r.drifts, r.unverifiedAttributes, r.reason])),
        errors: JSON.stringify(result.errors),
        logs: logs.join('\n'),
        driftedReports: [live, gone].map((x) => formatText(x) + formatJson(x) + formatSarif(x)).join('\n'),
        driftedDiff: JSON.stringify([live, gone].flatMap((x) => x.resources.map((r) => [r.desired, r.live, r.drifts, r.unverifiedAttributes, r.reason]))),
        ...editor,
      };
      for (const s of secrets) for (const [name, text] of Object.entries(outputs)) assert.ok(!text.includes(s), `${name} output of ${relative(FIXTURES, root)} contains the secret "${s}"`);
    });
  }

  it('the drifted scans put secrets through the drift renderers (the editor checks above can fail)', () => {
    assert.ok(drifts >= 10 && sensitiveDrifts >= 1, `${drifts} drifts, ${sensitiveDrifts} of a sensitive value`);
  });
});
