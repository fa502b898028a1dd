// file, fileexists, abspath, basename, dirname. Relative paths resolve against the directory
// Terraform runs in (the root module); configurations reach module files through `path.module`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize } from 'node:path';
import { compareStrings, fail } from './values';

export interface FileAccess {
  /** The root module's folder: what `terraform` would use as its working directory. */
  baseDir: string;
  /** Returns the file's text, or undefined when there is no such file. Defaults to reading the disk. */
  readFile?: (path: string) => string | undefined;
  /** The file's bytes (filebase64, filesha256…). Defaults to the disk, or to `readFile`'s text as UTF-8. */
  readBytes?: (path: string) => Uint8Array | undefined;
  /** Regular files below a folder, as paths relative to it with `/` (fileset). Defaults to the disk. */
  listFiles?: (dir: string) => string[];
}

/** Files past this size are not read: no configuration template is that large. */
const maxFileBytes = 4 * 1024 * 1024;

export function resolvePath(access: FileAccess, path: string): string {
  return normalize(isAbsolute(path) ? path : join(access.baseDir, path));
}

/** The raw bytes of a configuration file (the file* hash and base64 functions). */
export function readConfigBytes(access: FileAccess, path: string): Uint8Array {
  const full = resolvePath(access, path);
  if (access.readBytes || access.readFile) {
    const bytes = access.readBytes ? access.readBytes(full) : undefined;
    if (bytes) return bytes;
    const text = access.readFile?.(full);
    if (text === undefined) fail(noFile(full));
    return Buffer.from(text, 'utf8');
  }
  try {
    const st = statSync(full);
    if (st.isDirectory()) fail(`failed to read ${full}: is a directory`);
    if (st.size > maxFileBytes) fail(`${full} is larger than ${maxFileBytes} bytes`);
    return readFileSync(full);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') fail(noFile(full));
    throw e;
  }
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

/** Walks are bounded: fileset over a huge tree is not a configuration anyone means. */
const maxListedFiles = 100_000;

function listFilesOnDisk(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string, rel: string): void => {
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (out.length >= maxListedFiles) fail(`more than ${maxListedFiles} files below ${dir}`);
      const childAbs = join(abs, e.name);
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        // os.Stat follows links, as Terraform's glob does.
        try {
          const st = statSync(childAbs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue;
        }
      }
      if (isDir) walk(childAbs, childRel);
      else if (isFile) out.push(childRel);
    }
  };
  walk(dir, '');
  return out;
}

/** One doublestar glob segment (`*.json`, `{a,b}?`, `[!x]`) as a regular expression source. */
function segmentRegex(seg: string): string {
  let out = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '\\') out += escapeRe(seg[++i] ?? '\\');
    else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = seg.indexOf(']', i + 2);
      if (end < 0) fail(`failed to glob pattern: syntax error in pattern`);
      let body = seg.slice(i + 1, end);
      // doublestar negates with `^` only (`[!a]` is the class of "!" and "a").
      const negate = body.startsWith('^');
      if (negate) body = body.slice(1);
      out += `[${negate ? '^/' : ''}${body.replace(/[\]\\]/g, '\\$&')}]`;
      i = end;
    } else if (c === '{') {
      const end = seg.indexOf('}', i);
      if (end < 0) fail(`failed to glob pattern: syntax error in pattern`);
      out += `(?:${seg.slice(i + 1, end).split(',').map(segmentRegex).join('|')})`;
      i = end;
    } else out += escapeRe(c);
  }
  return out;
}

function escapeRe(c: string): string {
  return c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** fileset(path, pattern): regular files below `path` matching a doublestar glob, relative, sorted. */
export function fileSet(access: FileAccess, path: string, pattern: string): string[] {
  const base = resolvePath(access, path);
  const segments = cleanPath(pattern).split('/');
  let src = '';
  segments.forEach((seg, i) => {
    const last = i === segments.length - 1;
    if (seg === '**') src += last ? '.*' : '(?:[^/]*/)*';
    else src += segmentRegex(seg) + (last ? '' : '/');
  });
  const re = new RegExp(`^${src}$`, 's');
  const files = access.listFiles ? access.listFiles(base) : listFilesOnDisk(base);
  return files.filter((f) => re.test(f)).sort(compareStrings);
}
