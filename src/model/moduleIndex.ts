// One Terraform module (a folder of .tf / .tf.json files), as the index reads it.
import type { Range } from './ast';
import type { DeclaredAttribute, DeclaredBody, DeclaredResource } from './declared';

export interface FileIndex {
  /** Absolute path. */
  file: string;
  /** Syntax errors and warnings; a file with errors still contributes what it could read. */
  diagnostics: { severity: 'error' | 'warning'; message: string; range: Range }[];
}

export interface DeclaredVariable {
  name: string;
  file: string;
  range: Range;
  default?: DeclaredAttribute;
  /** The `type` constraint: how `-var` / `TF_VAR_` values are parsed and converted. */
  type?: DeclaredAttribute;
  sensitive: boolean;
}

export interface DeclaredLocal {
  name: string;
  file: string;
  attribute: DeclaredAttribute;
}

export interface DeclaredProvider {
  /** `aws` or `aws.west` (name + alias). */
  configName: string;
  name: string;
  alias?: string;
  file: string;
  range: Range;
  body: DeclaredBody;
}

export interface DeclaredModuleCall {
  name: string;
  file: string;
  range: Range;
  /** The `source` literal, when it is one. */
  source?: string;
  body: DeclaredBody;
}

export interface DeclaredImport {
  /** `to` address as written. */
  to: string;
  /** `id` attribute (may be an expression). */
  id?: DeclaredAttribute;
  file: string;
  range: Range;
}

export interface ModuleIndex {
  /** Absolute folder path. */
  dir: string;
  files: FileIndex[];
  resources: DeclaredResource[];
  /** `data` blocks, kept for reference resolution (as DeclaredResource with mode-like info in address `data.x.y`). */
  dataSources: DeclaredResource[];
  variables: Record<string, DeclaredVariable>;
  locals: Record<string, DeclaredLocal>;
  providers: DeclaredProvider[];
  moduleCalls: DeclaredModuleCall[];
  imports: DeclaredImport[];
  /** `terraform { backend "x" {…} }`: the backend type, when configured. */
  backend?: string;
}
