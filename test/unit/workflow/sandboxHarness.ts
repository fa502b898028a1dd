// The sandbox (examples/sandbox) against the fake EC2 seeded from its .sandbox/cloud.json, as
// scripts/demo.ts runs it, on a temp copy so a test may write to the code.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CliIo } from '../../../src/cli/cloudScan';

export const REPO = resolve(__dirname, '..', '..', '..');
export const SANDBOX = join(REPO, 'examples/sandbox');

export const sandboxSeed = () => JSON.parse(readFileSync(join(SANDBOX, '.sandbox/cloud.json'), 'utf8')).ec2;

export function sandboxCopy(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'driftlens-workflow-'));
  cpSync(SANDBOX, dir, { recursive: true });
  // The S3 bucket: the sandbox's fake cloud serves EC2 and STS only, and these tests are about EC2 types.
  rmSync(join(dir, 'storage.tf'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** An in-memory CLI io: what the command printed, and the environment it sees. */
export function captureIo(env: NodeJS.ProcessEnv = process.env): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    env: { ...env },
    stdout: (s: string) => {
      io.out += s;
    },
    stderr: (s: string) => {
      io.err += s;
    },
  };
  return io;
}
