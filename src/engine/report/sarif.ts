// `--format sarif`: SARIF 2.1.0 for code-scanning dashboards. One result per drift (at the value's
// range) and per missing resource (at its block header); scan errors (syntax, state, credentials,
// provider, config) as tool execution notifications, and a failed execution when nothing was verified.
import type { Log, ReportingDescriptor, Result, Notification, Region } from 'sarif';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Range, ScanResult, Severity } from '../../model';
import { relativeFile } from './paths';
import { PRODUCT_NAME, PRODUCT_URI, PRODUCT_VERSION } from './product';
import { RULES, helpUri, MISSING_SEVERITY } from './rules';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const levelOf = (s: Severity): Result.level => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');

/** SARIF counts lines and columns from 1; our ranges count from 0 (columns in UTF-16 units, as `columnKind` says). */
function region(r: Range): Region {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

export function sarifLog(result: ScanResult, version = PRODUCT_VERSION): Log {
  const rules: ReportingDescriptor[] = RULES.map((r) => ({
    id: r.id,
    name: r.name,
    shortDescription: { text: r.short },
    fullDescription: { text: r.full },
    help: { text: r.help, markdown: r.help },
    helpUri: helpUri(r.id),
    defaultConfiguration: { level: r.id === 'drift.missing' ? levelOf(MISSING_SEVERITY) : r.id === 'drift.unverified' ? 'note' : 'warning' },
  }));
  const ruleIndex = (id: string) => RULES.findIndex((r) => r.id === id);
  const location = (file: string, range: Range) => ({
    physicalLocation: { artifactLocation: { uri: encodeURI(relativeFile(result.root, file)), uriBaseId: '%SRCROOT%' }, region: region(range) },
  });
  const results: Result[] = [];
  for (const r of result.resources) {
    for (const d of r.drifts) {
      results.push({
        ruleId: 'drift.changed',
        ruleIndex: ruleIndex('drift.changed'),
        level: levelOf(d.severity),
        message: { text: `${r.address}: ${d.message}` },
        locations: [location(d.location.file, d.location.range)],
        partialFingerprints: { driftAttribute: `${r.address}/${d.attribute}` },
        properties: { address: r.address, attribute: d.attribute, liveId: r.liveId, severity: d.severity },
      });
    }
    if (r.status === 'missing') {
      results.push({
        ruleId: 'drift.missing',
        ruleIndex: ruleIndex('drift.missing'),
        level: levelOf(MISSING_SEVERITY),
        message: { text: `${r.address}: ${r.liveId ?? 'the resource'} no longer exists (${r.reason ?? 'not found'})` },
        locations: [location(r.resource.file, r.resource.headerRange)],
        partialFingerprints: { driftAttribute: `${r.address}/` },
        properties: { address: r.address, liveId: r.liveId },
      });
    }
  }
  const notifications: Notification[] = result.errors.map((e) => ({
    level: e.severity === 'error' ? 'error' : 'warning',
    message: { text: e.message },
    properties: { kind: e.kind ?? 'config' },
    ...(e.file ? { locations: [e.range ? location(e.file, e.range) : { physicalLocation: { artifactLocation: { uri: encodeURI(relativeFile(result.root, e.file)), uriBaseId: '%SRCROOT%' } } }] } : {}),
  }));
  const rootUri = pathToFileURL(resolve(result.root)).href.replace(/\/?$/, '/');
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: PRODUCT_NAME, informationUri: PRODUCT_URI, version, semanticVersion: version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: rootUri } },
        // Nothing verified, or an error that kept resources from being read: the scan did not do its job.
        invocations: [{ executionSuccessful: result.summary.verified > 0 && !result.errors.some((e) => e.severity === 'error'), endTimeUtc: result.scannedAt, toolExecutionNotifications: notifications }],
        columnKind: 'utf16CodeUnits',
        results,
        properties: { summary: result.summary },
      },
    ],
  };
}

export function formatSarif(result: ScanResult, version?: string): string {
  return `${JSON.stringify(sarifLog(result, version), null, 2)}\n`;
}
