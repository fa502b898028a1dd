// The messages between the extension host's thread and the scan worker (scanWorker.ts). Plain data
// only: everything here crosses a MessagePort by structured clone, so no class instance, no function.
// The live snapshot (with its providers) stays in the worker; the host names it by a number.
import type { ScanOptions, ScanProgress } from '../engine/scan';
import type { ResourceResult, ScanResult } from '../model';
import type { ProviderSettings } from './providerFactory';

/** What of ScanOptions is data (dir, variables, remote state, roots…); the worker adds signal, logger, providers, cache. */
export type ScanRequestOptions = Omit<ScanOptions, 'signal' | 'logger' | 'progress' | 'providers' | 'now' | 'indexCache'>;

export interface ScanRequest {
  kind: 'scan';
  id: number;
  options: ScanRequestOptions;
  settings: ProviderSettings;
  /** The host's environment now (AWS_*, TF_VAR_*, PATH for `az` and `terraform`): a worker's copy is taken at start only. */
  env: Record<string, string | undefined>;
  /** Azure tokens come from the host's VS Code sign-in (getToken messages); without it, only @azure/identity's chain. */
  azureBridge: boolean;
}

export interface RecompareRequest {
  kind: 'recompare';
  id: number;
  handle: number;
  /** Unsaved editor buffers: absolute path → text. */
  overrides: [string, string][];
}

/** The index alone, through the worker's cache (the bench measures first, warm and one-edit times with it). */
export interface IndexRequest {
  kind: 'index';
  id: number;
  dir: string;
  overrides?: [string, string][];
  /** Module folders already known: skips the walk (one edited file). */
  modules?: { dir: string; files: string[] }[];
}

export type HostMessage =
  | ScanRequest
  | RecompareRequest
  | IndexRequest
  | { kind: 'cancel'; id: number }
  /** Handled the last slice of a result: send the next. */
  | { kind: 'more'; id: number }
  | { kind: 'token'; id: number; token?: { token: string; expiresOnTimestamp: number }; error?: ErrorData };

/** An error as data: the name survives, so ScanCancelledError and CredentialUnavailableError keep their meaning. */
export interface ErrorData {
  name: string;
  message: string;
}

export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'progress'; id: number; progress: ScanProgress }
  | { kind: 'log'; level: 'debug' | 'info' | 'warn' | 'error'; message: string }
  | { kind: 'getToken'; id: number; scan: number; scopes: string[] }
  /**
   * A result's resources come in slices before its final message (which carries the rest, resources empty), each
   * slice when the host asks for it: a 10,000-resource result (35 MB to deserialize) never holds the host's thread
   * longer than one slice does. All at once, the host's MessagePort would read every queued message in one go.
   */
  | { kind: 'resources'; id: number; resources: ResourceResult[] }
  | { kind: 'scanned'; id: number; result: ScanResult; handle: number; credentialFailures: string[] }
  | { kind: 'recompared'; id: number; result: ScanResult }
  | { kind: 'indexed'; id: number; modules: number; files: number; resources: number; ms: number }
  | { kind: 'failed'; id: number; error: ErrorData };

export function errorData(e: unknown): ErrorData {
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: typeof e === 'string' ? e : 'unknown error' };
}
