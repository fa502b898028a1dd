// Finding ARM templates in a folder tree (any JSON file whose `$schema` is …deploymentTemplate.json#, whatever
// its name) and what goes with each: the parameters file (`<name>.parameters.json`, `azuredeploy.parameters.json`,
// or the one file beside it whose `$schema` is …deploymentParameters.json#) and the deployment target
// (`.driftlens.json` beside the template, else the front-end's setting).
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { EvalValue } from '../terraform/evalValue';
import { evaluateNode } from './evaluateNode';
import { positionsOf } from '../textPositions';
import type { ArmScope, ArmTarget } from './scope';
import { indexArmTemplate, objectEntries, type ArmTemplateIndex } from './template';

/** Reads a file's text; undefined when it does not exist. Lets the editor pass unsaved text. */
export type ReadText = (absPath: string) => Promise<string | undefined>;

export const readFromDisk: ReadText = async (p) => {
  try {
    return await readFile(p, 'utf8');
  } catch {
    return undefined;
  }
};

const skippedDirs = new Set(['node_modules', '.git', '.terraform', 'dist', 'out', '.vscode-test']);

/** Every `.json` file under `dir` that may be a template (parameters files and our own config excluded). */
export async function candidateJsonFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string, depth: number) => {
    if (depth > 12) return;
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!skippedDirs.has(e.name) && !e.name.startsWith('.')) await walk(join(d, e.name), depth + 1);
      } else if (e.isFile() && e.name.toLowerCase().endsWith('.json') && !/\.parameters\.json$/i.test(e.name) && e.name !== '.driftlens.json') {
        out.push(join(d, e.name));
      }
    }
  };
  await walk(dir, 0);
  return out.sort();
}

/** The deployment target written in `.driftlens.json` beside the template, over the fallback. */
export async function readTarget(templateFile: string, fallback: ArmTarget, read: ReadText): Promise<{ target: ArmTarget; error?: string }> {
  const path = join(dirname(templateFile), '.driftlens.json');
  const text = await read(path);
  if (text === undefined) return { target: fallback };
  try {
    const cfg = JSON.parse(text) as Record<string, unknown>;
    const str = (k: string) => (typeof cfg[k] === 'string' && (cfg[k] as string).trim() ? (cfg[k] as string).trim() : undefined);
    return { target: { subscriptionId: str('subscriptionId') ?? fallback.subscriptionId, resourceGroup: str('resourceGroup') ?? fallback.resourceGroup, location: str('location') ?? fallback.location } };
  } catch (err) {
    return { target: fallback, error: `${path}: not valid JSON (${(err as Error).message})` };
  }
}

/** Values of a parameters file (`{ "parameters": { "x": { "value": … } } }`), with origins in that file. */
export function readParametersFile(file: string, text: string, target: ArmTarget): Map<string, EvalValue> {
  const root: Node | undefined = parseTree(text, [], { allowTrailingComma: true });
  const pos = positionsOf(text);
  // Values in a parameters file are literals; the scope is only there for the evaluator's signature.
  const scope: ArmScope = { file, pos, parameters: new Map(), variables: new Map(), target, evaluating: new Set(), variableValues: new Map() };
  const out = new Map<string, EvalValue>();
  for (const [name, entry] of objectEntries(root ? findNodeAtLocation(root, ['parameters']) : undefined)) {
    const value = findNodeAtLocation(entry, ['value']);
    if (value) out.set(name.toLowerCase(), evaluateNode(value, scope, file, pos));
    else if (findNodeAtLocation(entry, ['reference'])) out.set(name.toLowerCase(), { kind: 'unknown', reason: `parameter "${name}" comes from Key Vault`, sensitive: true });
  }
  return out;
}

export function parametersFileCandidates(templateFile: string): string[] {
  const dir = dirname(templateFile);
  const base = basename(templateFile).replace(/\.json$/i, '');
  return [join(dir, `${base}.parameters.json`), join(dir, 'azuredeploy.parameters.json'), join(dir, `${base}.parameters.jsonc`), join(dir, 'parameters.json')];
}

const PARAMETERS_SCHEMA = /deploymentParameters\.json/i;

/**
 * The parameters file of a template: one of the usual names that is a parameters file, else the only JSON file
 * beside the template whose `$schema` is …deploymentParameters.json# (whatever its name). Several such files and
 * none of the usual names: none is guessed (the defaults apply).
 */
export async function findParametersFile(templateFile: string, read: ReadText): Promise<{ file: string; text: string } | undefined> {
  for (const candidate of parametersFileCandidates(templateFile)) {
    const text = await read(candidate);
    if (text !== undefined && (PARAMETERS_SCHEMA.test(text) || /\.parameters\.jsonc?$/i.test(candidate))) return { file: candidate, text };
  }
  let entries: string[];
  try {
    entries = (await readdir(dirname(templateFile))).filter((n) => n.toLowerCase().endsWith('.json') && join(dirname(templateFile), n) !== templateFile);
  } catch {
    return undefined;
  }
  const found: { file: string; text: string }[] = [];
  for (const name of entries.sort()) {
    const file = join(dirname(templateFile), name);
    const text = await read(file);
    if (text !== undefined && PARAMETERS_SCHEMA.test(text.slice(0, 2000))) found.push({ file, text });
  }
  return found.length === 1 ? found[0] : undefined;
}

export interface LoadedTemplates {
  templates: ArmTemplateIndex[];
  errors: { file: string; message: string }[];
}

/** Indexes every deployment template under `dir`. */
export async function loadArmTemplates(dir: string, fallbackTarget: ArmTarget = {}, read: ReadText = readFromDisk): Promise<LoadedTemplates> {
  const out: LoadedTemplates = { templates: [], errors: [] };
  for (const file of await candidateJsonFiles(dir)) {
    const text = await read(file);
    // Cheap test before parsing: most JSON files in a repository are not templates.
    if (text === undefined || !/deploymentTemplate\.json/i.test(text)) continue;
    const { target, error } = await readTarget(file, fallbackTarget, read);
    if (error) out.errors.push({ file, message: error });
    const parameters = await findParametersFile(file, read);
    const supplied: Map<string, EvalValue> | undefined = parameters && readParametersFile(parameters.file, parameters.text, target);
    const index = indexArmTemplate(file, text, { target, supplied });
    if (index) out.templates.push(index);
  }
  return out;
}
