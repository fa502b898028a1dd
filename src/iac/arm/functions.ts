// The template functions DriftLens evaluates statically. Anything that needs a deployment
// (reference, listKeys, uniqueString, utcNow…) is unknown with a reason, never guessed.
import { asString, formatNumber, scalar, toValue, unknown, fromValue, type EvalValue, type ScalarEval } from '../terraform/evalValue';
import type { ArmTarget } from './scope';

type Fn = (args: EvalValue[], target: ArmTarget) => EvalValue;

const noTarget = 'no deployment target: put {"subscriptionId", "resourceGroup"} in a .driftlens.json beside the template';

function text(v: EvalValue): string | undefined {
  if (v.kind !== 'scalar') return undefined;
  return typeof v.value === 'number' ? formatNumber(v.value) : asString(v as ScalarEval);
}

function strings(args: EvalValue[], fn: string): string[] | EvalValue {
  const out: string[] = [];
  for (const a of args) {
    if (a.kind === 'unknown') return a;
    const t = text(a);
    if (t === undefined) return unknown(`${fn}() takes strings here`);
    out.push(t);
  }
  return out;
}

const firstUnknownArg = (args: EvalValue[]) => args.find((a) => a.kind === 'unknown');

const functions: Record<string, Fn> = {
  concat(args) {
    const u = firstUnknownArg(args);
    if (u) return u;
    if (args.length > 0 && args.every((a) => a.kind === 'list')) return { kind: 'list', items: args.flatMap((a) => (a.kind === 'list' ? a.items : [])) };
    const s = strings(args, 'concat');
    return Array.isArray(s) ? scalar(s.join('')) : s;
  },
  format(args) {
    const s = strings(args, 'format');
    if (!Array.isArray(s)) return s;
    const [fmt, ...rest] = s;
    let bad: string | undefined;
    const out = (fmt ?? '').replace(/\{\{|\}\}|\{(\d+)(:[^}]*)?\}/g, (m, i: string | undefined, spec: string | undefined) => {
      if (m === '{{') return '{';
      if (m === '}}') return '}';
      if (spec) bad = `format specifier "${spec}" is not evaluated`;
      const v = rest[Number(i)];
      if (v === undefined) bad = `format() has no argument ${i}`;
      return v ?? '';
    });
    return bad ? unknown(bad) : scalar(out);
  },
  tolower: (args) => caseOf(args, 'toLower', (s) => s.toLowerCase()),
  toupper: (args) => caseOf(args, 'toUpper', (s) => s.toUpperCase()),
  resourcegroup(_args, target) {
    if (!target.subscriptionId || !target.resourceGroup) return unknown(noTarget);
    const id = `/subscriptions/${target.subscriptionId}/resourceGroups/${target.resourceGroup}`;
    return {
      kind: 'map',
      entries: new Map<string, EvalValue>([
        ['id', scalar(id)],
        ['name', scalar(target.resourceGroup)],
        ['type', scalar('Microsoft.Resources/resourceGroups')],
        ['location', target.location ? scalar(target.location) : unknown('resourceGroup().location: the deployment target names no location (add "location" to .driftlens.json)')],
      ]),
    };
  },
  subscription(_args, target) {
    if (!target.subscriptionId) return unknown(noTarget);
    return {
      kind: 'map',
      entries: new Map<string, EvalValue>([
        ['id', scalar(`/subscriptions/${target.subscriptionId}`)],
        ['subscriptionId', scalar(target.subscriptionId)],
        ['tenantId', unknown('subscription().tenantId is only known at deployment')],
        ['displayName', unknown('subscription().displayName is only known at deployment')],
      ]),
    };
  },
  resourceid(args, target) {
    const s = strings(args, 'resourceId');
    if (!Array.isArray(s)) return s;
    const typeAt = s.findIndex((x) => x.includes('/'));
    if (typeAt < 0 || typeAt > 2) return unknown('resourceId() needs a resource type such as Microsoft.Network/virtualNetworks');
    const [sub, rg] = typeAt === 2 ? [s[0], s[1]] : typeAt === 1 ? [target.subscriptionId, s[0]] : [target.subscriptionId, target.resourceGroup];
    if (!sub || !rg) return unknown(noTarget);
    const [namespace, ...types] = s[typeAt].split('/');
    const names = s.slice(typeAt + 1);
    if (names.length !== types.length) return unknown(`resourceId(): ${s[typeAt]} takes ${types.length} name(s), got ${names.length}`);
    return scalar(`/subscriptions/${sub}/resourceGroups/${rg}/providers/${namespace}/${types.map((t, i) => `${t}/${names[i]}`).join('/')}`);
  },
  string(args) {
    const [a] = args;
    if (!a || a.kind === 'unknown') return a ?? unknown('string() needs a value');
    const t = text(a);
    return scalar(t ?? JSON.stringify(toValue(a)));
  },
  int(args) {
    const [a] = args;
    if (!a || a.kind === 'unknown') return a ?? unknown('int() needs a value');
    const n = a.kind === 'scalar' ? Number(a.value) : NaN;
    return Number.isInteger(n) ? scalar(n) : unknown('int() of a value that is not an integer');
  },
  bool(args) {
    const [a] = args;
    if (!a || a.kind === 'unknown') return a ?? unknown('bool() needs a value');
    if (a.kind === 'scalar' && typeof a.value === 'boolean') return scalar(a.value);
    const t = a.kind === 'scalar' ? String(a.value).toLowerCase() : '';
    return t === 'true' || t === '1' ? scalar(true) : t === 'false' || t === '0' ? scalar(false) : unknown('bool() of a value that is not a boolean');
  },
  true: () => scalar(true),
  false: () => scalar(false),
  equals(args) {
    const u = firstUnknownArg(args);
    if (u) return u;
    return scalar(JSON.stringify(toValue(args[0])) === JSON.stringify(toValue(args[1])));
  },
  not: (args) => logical(args, 'not', (b) => !b[0]),
  and: (args) => logical(args, 'and', (b) => b.every(Boolean)),
  or: (args) => logical(args, 'or', (b) => b.some(Boolean)),
  if(args) {
    const [c, a, b] = args;
    if (!c || c.kind === 'unknown') return c ?? unknown('if() needs a condition');
    if (c.kind !== 'scalar' || typeof c.value !== 'boolean') return unknown('if() needs a boolean condition');
    return (c.value ? a : b) ?? unknown('if() needs two values');
  },
  createarray: (args) => ({ kind: 'list', items: args }),
  createobject(args) {
    const entries = new Map<string, EvalValue>();
    for (let i = 0; i + 1 < args.length; i += 2) {
      const k = text(args[i]);
      if (k === undefined) return args[i].kind === 'unknown' ? args[i] : unknown('createObject() keys must be strings');
      entries.set(k, args[i + 1]);
    }
    return { kind: 'map', entries };
  },
  empty(args) {
    const [a] = args;
    if (!a || a.kind === 'unknown') return a ?? unknown('empty() needs a value');
    const v = toValue(a);
    return v === undefined ? unknown('empty() of a partly unknown value') : scalar(v === null || v === '' || (Array.isArray(v) ? v.length === 0 : typeof v === 'object' && Object.keys(v).length === 0));
  },
  length(args) {
    const [a] = args;
    if (!a || a.kind === 'unknown') return a ?? unknown('length() needs a value');
    if (a.kind === 'list') return scalar(a.items.length);
    if (a.kind === 'map') return scalar(a.entries.size);
    return typeof a.value === 'string' ? scalar(a.value.length) : unknown('length() of a value that has none');
  },
  json(args) {
    const s = strings(args, 'json');
    if (!Array.isArray(s)) return s;
    try {
      return fromValue(JSON.parse(s[0] ?? ''));
    } catch {
      return unknown('json() of text that is not JSON');
    }
  },
};

function caseOf(args: EvalValue[], fn: string, f: (s: string) => string): EvalValue {
  const s = strings(args.slice(0, 1), fn);
  return Array.isArray(s) ? scalar(f(s[0] ?? '')) : s;
}

function logical(args: EvalValue[], fn: string, f: (b: boolean[]) => boolean): EvalValue {
  const u = firstUnknownArg(args);
  if (u) return u;
  const bools = args.map((a) => (a.kind === 'scalar' && typeof a.value === 'boolean' ? a.value : undefined));
  if (bools.some((b) => b === undefined)) return unknown(`${fn}() takes booleans`);
  return scalar(f(bools as boolean[]));
}

/** Calls a template function by lower-cased name; unknown (with the reason) for any we do not evaluate. */
export function callArmFunction(name: string, args: EvalValue[], target: ArmTarget): EvalValue {
  const fn = Object.hasOwn(functions, name) ? functions[name] : undefined;
  if (!fn) return unknown(`template function ${name}() is only known at deployment or not evaluated by DriftLens`);
  return fn(args, target);
}
