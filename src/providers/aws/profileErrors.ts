// A named profile that the shared config files do not define: the SDK only says "Could not load credentials
// from any providers". Say which profile, and where it was looked for.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ProviderConfig } from '../../model';
import { accessOf, type AwsAccess } from './access';
import type { LiveError } from './errors';

function sharedFiles(env: NodeJS.ProcessEnv): { config: string; credentials: string } {
  return {
    config: env.AWS_CONFIG_FILE ?? join(homedir(), '.aws', 'config'),
    credentials: env.AWS_SHARED_CREDENTIALS_FILE ?? join(homedir(), '.aws', 'credentials'),
  };
}

/** Section names of an ini file (`[profile x]` in config, `[x]` in credentials), empty when it cannot be read. */
function sections(file: string, prefix: string): Set<string> {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return new Set();
  }
  const names = new Set<string>();
  for (const m of text.matchAll(/^\s*\[\s*([^\]]+?)\s*\]/gm)) {
    const name = m[1].replace(/\s+/g, ' ');
    if (prefix && name.startsWith(prefix)) names.add(name.slice(prefix.length).trim());
    else if (!prefix || name === 'default') names.add(name);
  }
  return names;
}

/**
 * Why `profile` cannot be used, when neither shared file defines it; undefined when one does (the SDK then
 * says what else is wrong with it). Read once per scan: the files are small.
 */
export function missingProfileReason(profile: string, env: NodeJS.ProcessEnv = process.env, from?: string): string | undefined {
  const { config, credentials } = sharedFiles(env);
  if (sections(config, 'profile ').has(profile) || sections(credentials, '').has(profile)) return undefined;
  return `AWS profile "${profile}"${from ? ` (from ${from})` : ''} is not defined in ${config} or ${credentials} (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE choose other files; \`aws configure list-profiles\` lists the names)`;
}

/**
 * Who a binding signs in as, or why it cannot be read: an unknown setting of its provider block (`other`), or a
 * profile no shared file defines (`credentials`). `checked` remembers each profile's answer for one fetch.
 */
export function bindingAccess(config: ProviderConfig, fallbackProfile: string | undefined, checked: Map<string, string | undefined>): AwsAccess | LiveError {
  const access = accessOf(config, fallbackProfile);
  if ('reason' in access) return { status: 'error', kind: 'other', reason: access.reason };
  if (access.profile === undefined) {
    // The SDK's default chain then signs in with AWS_PROFILE: a name no file defines made it say only "no
    // credentials", and our advice was to set the variable that was already set.
    const fromEnv = environmentProfile(process.env);
    if (fromEnv === undefined) return access;
    const key = `\u0000AWS_PROFILE=${fromEnv}`;
    if (!checked.has(key)) checked.set(key, missingProfileReason(fromEnv, process.env, 'AWS_PROFILE'));
    const missing = checked.get(key);
    return missing ? { status: 'error', kind: 'credentials', reason: missing } : access;
  }
  if (!checked.has(access.profile)) checked.set(access.profile, missingProfileReason(access.profile));
  const missing = checked.get(access.profile);
  return missing ? { status: 'error', kind: 'credentials', reason: missing } : access;
}

/**
 * AWS_PROFILE, which the SDK's default chain signs in with when set — even over AWS_ACCESS_KEY_ID /
 * AWS_SECRET_ACCESS_KEY (@aws-sdk/credential-provider-node skips its environment step then).
 */
export function environmentProfile(env: NodeJS.ProcessEnv): string | undefined {
  return env.AWS_PROFILE?.trim() || undefined;
}
