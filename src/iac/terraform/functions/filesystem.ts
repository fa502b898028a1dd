// file, fileexists, abspath, basename, dirname. Relative paths resolve against the directory
// Terraform runs in (the root module); configurations reach module files through `path.module`.
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize } from 'node:path';
import { fail } from './values';

export interface FileAccess {
  /** The root module's folder: what `terraform` would use as its working directory. */
  baseDir: string;
  /** Returns the file's text, or undefined when there is no such file. Defaults to reading the disk. */
  readFile?: (path: string) => string | undefined;
}

/** Files past this size are not read: no configuration template is that large. */
const maxFileBytes = 4 * 1024 * 1024;

export function resolvePath(access: FileAccess, path: string): string {
  return normalize(isAbsolute(path) ? path : join(access.baseDir, path));
}

export function readConfigFile(access: FileAccess, path: string): string {
  const full = resolvePath(access, path);
  if (access.readFile) {
    const text = access.readFile(full);
    if (text === undefined) fail(noFile(full));
    return text;
  }
  let bytes: Buffer;
  try {
    const st = statSync(full);
    if (st.isDirectory()) fail(`failed to read ${full}: is a directory`);
    if (st.size > maxFileBytes) fail(`${full} is larger than ${maxFileBytes} bytes`);
    bytes = readFileSync(full);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') fail(noFile(full));
    throw e;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    fail(`contents of ${full} are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents`);
  }
}

function noFile(path: string): string {
  return `no file exists at ${path}; this function works only with files that are distributed as part of the configuration source code`;
}

export function fileExists(access: FileAccess, path: string): boolean {
  const full = resolvePath(access, path);
  if (access.readFile) return access.readFile(full) !== undefined;
  try {
    const st = statSync(full);
    if (!st.isFile()) fail(`${full} is not a regular file`);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return false;
    throw e;
  }
}

export function absPath(access: FileAccess, path: string): string {
  return resolvePath(access, path).split('\\').join('/');
}

/** Go's path/filepath.Clean for slash-separated paths. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const body = out.join('/');
  return rooted ? '/' + body : body === '' ? '.' : body;
}

/** filepath.Base: trailing slashes dropped; "" → "."; all slashes → "/". */
export function baseName(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** filepath.Dir: everything up to the last slash, cleaned. */
export function dirName(p: string): string {
  const i = p.lastIndexOf('/');
  return cleanPath(p.slice(0, i + 1));
}
