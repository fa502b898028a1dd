// Who we are in reports and `--version`: the package's name, version and home page. Bundles get the
// version from the build (scripts/build.mjs defines it); run from source, it is read from package.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

declare const __DRIFTLENS_VERSION__: string | undefined;

export const PRODUCT_NAME = 'DriftLens';
export const PRODUCT_URI = 'https://github.com/driftlens/driftlens';

function versionFromPackageJson(): string {
  try {
    return (JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0-unknown';
  }
}

export const PRODUCT_VERSION: string = typeof __DRIFTLENS_VERSION__ === 'string' ? __DRIFTLENS_VERSION__ : versionFromPackageJson();
