// `npm run bench -- state [--mb 100]`: a generated terraform.tfstate of about that size read two ways,
// each in a process of its own: as the scan read it before issue 15 (the whole text, kept by the run's
// file memo, then JSON.parse of all of it in parseState) and as it reads it now (stateStream.ts: one
// resource at a time from the file's bytes). Prints the read time, the peak RSS and heap, and what
// stays on the heap after a GC; both must give the same state.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFile, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseState, type TerraformState } from '../../src/iac/terraform/state';
import { readStateFile } from '../../src/engine/stateFile';
import { diskIo } from '../../src/engine/workspaceIo';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '100' }, child: { type: 'string' }, file: { type: 'string' } } });
const MB = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** One resource of a real-looking state: an instance with the attributes the AWS provider records. */
function resource(i: number): unknown {
  const id = `i-${i.toString(16).padStart(17, '0')}`;
  const module = i % 4 === 0 ? { module: `module.fleet["team-${i % 50}"]` } : {};
  return {
    ...module,
    mode: 'managed',
    type: 'aws_instance',
    name: `web${i}`,
    provider: 'provider["registry.terraform.io/hashicorp/aws"]',
    instances: [
      {
        schema_version: 1,
        attributes: {
          id,
          ami: 'ami-0abcdef1234567890',
          arn: `arn:aws:ec2:us-east-1:123456789012:instance/${id}`,
          associate_public_ip_address: false,
          availability_zone: 'us-east-1a',
          cpu_options: [{ amd_sev_snp: '', core_count: 1, threads_per_core: 2 }],
          credit_specification: [{ cpu_credits: 'unlimited' }],
          ebs_block_device: [],
          iam_instance_profile: '',
          instance_state: 'running',
          instance_type: 't3.micro',
          key_name: 'deploy',
          metadata_options: [{ http_endpoint: 'enabled', http_put_response_hop_limit: 2, http_tokens: 'required', instance_metadata_tags: 'disabled' }],
          monitoring: false,
          primary_network_interface_id: `eni-${i.toString(16).padStart(17, '0')}`,
          private_dns: `ip-10-0-${i % 256}-${i % 250}.ec2.internal`,
          private_ip: `10.0.${i % 256}.${i % 250}`,
          root_block_device: [{ delete_on_termination: true, device_name: '/dev/xvda', encrypted: true, iops: 3000, kms_key_id: 'arn:aws:kms:us-east-1:123456789012:key/0f1e2d3c', tags: {}, throughput: 125, volume_id: `vol-${i.toString(16).padStart(17, '0')}`, volume_size: 20, volume_type: 'gp3' }],
          subnet_id: 'subnet-0a1b2c3d4e5f60001',
          tags: { Name: `web-${i}`, Team: `team-${i % 50}`, CostCenter: '4711' },
          tags_all: { Name: `web-${i}`, Team: `team-${i % 50}`, CostCenter: '4711', ManagedBy: 'terraform' },
          user_data: 'a'.repeat(40),
          user_data_replace_on_change: false,
          vpc_security_group_ids: ['sg-0a1b2c3d4e5f60001', 'sg-0a1b2c3d4e5f60002'],
        },
        sensitive_attributes: [],
        private: 'eyJlMmJmYjczMC1lY2FhLTExZTYtOGY4OC0zNDM2M2JjN2M0YzAiOnsiY3JlYXRlIjo2MDAwMDAwMDAwMDAsImRlbGV0ZSI6MTIwMDAwMDAwMDAwMCwidXBkYXRlIjo2MDAwMDAwMDAwMDB9LCJzY2hlbWFfdmVyc2lvbiI6IjEifQ==',
        dependencies: ['aws_security_group.web', 'aws_subnet.a'],
      },
    ],
  };
}

/** Writes a state of about `mb` MB as Terraform does (two-space indentation), streaming, so the parent holds none of it. */
async function generate(file: string, mb: number): Promise<number> {
  const out = createWriteStream(file);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write('{\n  "version": 4,\n  "terraform_version": "1.11.4",\n  "serial": 812,\n  "lineage": "4d2c0b8e-bench",\n  "outputs": {},\n  "resources": [\n');
  let n = 0;
  for (let bytes = 0; bytes < mb * 1e6; n++) {
    const text = (n ? ',\n' : '') + JSON.stringify(resource(n), null, 2).replace(/^/gm, '    ');
    bytes += text.length;
    await write(text);
  }
  await write('\n  ],\n  "check_results": null\n}\n');
  out.end();
  await once(out, 'finish');
  return n;
}

/** A short fingerprint of what a scan reads of the state: both ways must agree. */
function fingerprint(state: TerraformState): string {
  let instances = 0;
  let attributes = 0;
  for (const r of state.resources.values()) {
    for (const i of r.instances) {
      instances++;
      attributes += Object.keys(i.attributes).length;
    }
  }
  return `${state.resources.size} resources, ${instances} instances, ${attributes} attributes`;
}

/** In the child: reads the file one way while sampling memory; prints one JSON line. */
async function child(way: string, file: string): Promise<void> {
  gc();
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  let peakExternal = before.external + before.arrayBuffers;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakExternal = Math.max(peakExternal, m.external + m.arrayBuffers);
  }, 10);
  const started = performance.now();
  let state: TerraformState;
  if (way === 'whole') {
    // As before: the text read whole (the run's memo kept it for the run), then parsed whole.
    const text = await new Promise<string>((resolve, reject) => readFile(file, 'utf8', (err, t) => (err ? reject(err) : resolve(t))));
    state = parseState(text, file);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    void text.length;
  } else {
    state = (await readStateFile(diskIo, file))!();
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  gc();
  const after = process.memoryUsage();
  console.log(JSON.stringify({ seconds, peakHeap, peakExternal, rssBefore: before.rss, maxRss: process.resourceUsage().maxRSS * 1024, kept: after.heapUsed - before.heapUsed, fingerprint: fingerprint(state) }));
}

async function main(): Promise<void> {
  if (values.child) return child(values.child, values.file!);
  const mb = Number(values.mb);
  const dir = mkdtempSync(join(tmpdir(), 'driftlens-bench-state-'));
  try {
    const file = join(dir, 'terraform.tfstate');
    const n = await generate(file, mb);
    console.log(`generated terraform.tfstate: ${(statSync(file).size / 1e6).toFixed(1)} MB, ${n} resources (each read in a new process)`);
    const prints = new Set<string>();
    for (const [way, label] of [
      ['whole', 'before: whole text, then JSON.parse'],
      ['stream', 'after:  as it streams (stateStream.ts)'],
    ] as const) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', __filename, '--child', way, '--file', file], { encoding: 'utf8', maxBuffer: 1 << 20 });
      const line = r.stdout.trim().split('\n').pop() ?? '';
      if (r.status !== 0 || !line.startsWith('{')) {
        console.error(`${label}: failed (${r.status ?? r.signal}) ${r.stderr.slice(0, 400)}`);
        process.exitCode = 1;
        continue;
      }
      const m = JSON.parse(line) as { seconds: number; peakHeap: number; peakExternal: number; rssBefore: number; maxRss: number; kept: number; fingerprint: string };
      prints.add(m.fingerprint);
      console.log(`${label}: ${m.seconds.toFixed(2)} s, peak RSS ${MB(m.maxRss)} (${MB(m.maxRss - m.rssBefore)} above the process before the read), peak heap ${MB(m.peakHeap)}, peak external ${MB(m.peakExternal)}, kept after GC ${MB(m.kept)}; ${m.fingerprint}`);
    }
    if (prints.size > 1) {
      console.error('bench: the two ways read different states');
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
