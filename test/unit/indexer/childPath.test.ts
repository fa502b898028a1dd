// childPath is path.join for a name from a folder's listing, with a short cut that must never change the result.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { childPath } from '../../../src/iac/childPath';

describe('childPath', () => {
  it('gives exactly what path.join gives, normal folder or not', () => {
    const dirs = ['/tmp/realtf/mod', '/', '/a//b', '/a/./b', '/a/../b', '/a/b/', '/a/.hidden/b', '/a/b.c', 'relative/dir', '.', '..', '', 'a/../../b', '/x/y..z'];
    const names = ['main.tf', '.terraform', 'a.tf.json', '..', '.', '', 'x..tf', 'sub/dir.tf'];
    for (const d of dirs) for (const n of names) assert.equal(childPath(d, n), join(d, n), `childPath(${JSON.stringify(d)}, ${JSON.stringify(n)})`);
  });
});
