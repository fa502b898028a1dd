// Types of scripts/sdkEntries.mjs for the test that builds the EC2 SDK file as the build does.
import type { Plugin } from 'esbuild';

export function describeOperations(clientSource?: string): string[];
export function ec2Entry(ops?: string[]): string;
export const literalSchemaKeys: Plugin;
export const sdkXmlParser: Plugin;
