// "Import into Terraform…": the files offered, the text appended, the message when nothing can be imported.
import { strict as assert } from 'node:assert';
import { appendedText, importTargets, nothingImportedMessage } from '../../../src/editor/importTargets';

describe('import into Terraform: targets and text', () => {
  it('one root: its .tf files (not overrides, not JSON) and a new imports.tf', () => {
    const targets = importTargets(new Map([['/w', ['/w/network.tf', '/w/main.tf', '/w/main_override.tf', '/w/x.tf.json']]]), '/w');
    assert.deepEqual(targets.map((t) => [t.label, t.isNew, t.root, t.description]), [
      ['main.tf', false, '/w', undefined], ['network.tf', false, '/w', undefined], ['New file imports.tf', true, '/w', undefined],
    ]);
  });

  it('several roots: each file names its root; an existing imports.tf is offered as a file, not again as new', () => {
    const targets = importTargets(new Map([['/w/envs/prod', ['/w/envs/prod/main.tf', '/w/envs/prod/imports.tf']], ['/w/envs/dev', ['/w/envs/dev/main.tf']]]), '/w');
    assert.deepEqual(targets.map((t) => [t.label, t.description, t.file]), [
      ['envs/dev/main.tf', 'root envs/dev', '/w/envs/dev/main.tf'],
      ['New file envs/dev/imports.tf', 'root envs/dev', '/w/envs/dev/imports.tf'],
      ['envs/prod/imports.tf', 'root envs/prod', '/w/envs/prod/imports.tf'],
      ['envs/prod/main.tf', 'root envs/prod', '/w/envs/prod/main.tf'],
    ]);
  });

  it('appends after exactly one blank line, whatever the file ends with', () => {
    const blocks = 'import {\n  to = a.b\n  id = "x"\n}\n';
    assert.equal(appendedText('', blocks), blocks);
    assert.equal(appendedText('a = 1', blocks), `\n\n${blocks}`);
    assert.equal(appendedText('a = 1\n', blocks), `\n${blocks}`);
    assert.equal(appendedText('a = 1\n\n', blocks), blocks);
    assert.equal(appendedText('a = 1\n', 'x'), '\nx\n');
  });

  it('nothing imported: the reasons the plan gave, and that nothing was inserted', () => {
    assert.equal(nothingImportedMessage('aws_security_group', 'sg-1', [{ reason: 'access denied: ec2:DescribeSecurityGroups' }]),
      'DriftLens cannot import aws_security_group sg-1: access denied: ec2:DescribeSecurityGroups. Nothing was inserted.');
    assert.match(nothingImportedMessage('t', 'i', []), /the provider returned nothing to import/);
  });
});
