import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { indexModule } from '../../../src/iac/moduleIndex';
import { parseTfJson } from '../../../src/iac/terraform/tfJson';
import { declareFile, emptyModuleIndex } from '../../../src/iac/terraform/declared';
import { literalValue, bodyLiteral } from '../../../src/iac/terraform/literal';
import type { Block, TemplateExpr } from '../../../src/model/ast';
import type { ModuleIndex } from '../../../src/model';
import { brokenDir, fixture, fixturesDir, lsp, offsetOf, posAt, rangeOfText } from './helpers';

describe('.tf.json', () => {
  let json: ModuleIndex;
  let main: { file: string; text: string };

  before(async () => {
    json = await indexModule(join(fixturesDir, 'json-only'));
    main = await fixture('json-only/main.tf.json');
  });

  it('reads resources (object and array forms), data sources, providers, modules and the backend', () => {
    assert.deepEqual(json.resources.map((r) => [r.address, r.provider]), [
      ['aws_instance.app', 'aws'],
      ['aws_s3_bucket.assets', 'aws.us'],
    ]);
    assert.deepEqual(json.dataSources.map((r) => r.address), ['data.aws_caller_identity.current']);
    assert.deepEqual(json.providers.map((p) => p.configName), ['aws', 'aws.us']);
    assert.deepEqual(json.moduleCalls.map((m) => [m.name, m.source]), [['network', '../aws-vpc']]);
    assert.equal(json.backend, 's3');
    assert.deepEqual(json.files.flatMap((f) => f.diagnostics), []);
  });

  it('gives the block range from the name key to the closing brace, and the header on the name key', () => {
    const app = json.resources[0];
    const start = offsetOf(main.text, '"app": {');
    const end = offsetOf(main.text, '"ignore_changes": ["tags"] }\n      }') + '"ignore_changes": ["tags"] }\n      }'.length;
    assert.deepEqual(lsp(app.range), { start: posAt(main.text, start), end: posAt(main.text, end) });
    assert.deepEqual(lsp(app.headerRange), rangeOfText(main.text, '"app"'));
    // Array form: the block is the array element, the header is still its name.
    const assets = json.resources[1];
    assert.deepEqual(lsp(assets.headerRange), rangeOfText(main.text, '"assets"'));
    assert.equal(main.text[assets.range.start.offset], '{');
  });

  it('maps attribute values and template parts to their exact characters', () => {
    const app = json.resources[0];
    assert.deepEqual(lsp(app.body.attributes.ami.valueRange), rangeOfText(main.text, '"ami-0abcdef1234567890"'));
    assert.equal(literalValue(app.body.attributes.ami.expr), 'ami-0abcdef1234567890');
    const it = app.body.attributes.instance_type.expr as TemplateExpr;
    assert.equal(it.kind, 'Template');
    assert.equal(it.parts.length, 1);
    const part = it.parts[0];
    assert.equal(part.kind, 'TemplateInterpolation');
    if (part.kind !== 'TemplateInterpolation') return;
    assert.equal(part.expr.kind, 'ScopeTraversal');
    assert.deepEqual(lsp(part.expr.range), rangeOfText(main.text, 'var.instance_type'));
    assert.deepEqual(literalValue(it), { $unknown: 'template with interpolation' });
  });

  it('maps template ranges through JSON escapes', () => {
    const text = '{"resource": {"x_y": {"z": {\n  "a": "\\"q\\" \\u00e9\\t${var.k}!"\n}}}}';
    const parsed = parseTfJson(text);
    assert.deepEqual(parsed.diagnostics, []);
    const block = parsed.body.items[0] as Block;
    const attr = block.body.items[0];
    assert.equal(attr.kind, 'Attribute');
    if (attr.kind !== 'Attribute') return;
    const t = attr.expr as TemplateExpr;
    assert.deepEqual(t.parts.map((p) => p.kind), ['TemplateLiteral', 'TemplateInterpolation', 'TemplateLiteral']);
    assert.equal(t.parts[0].kind === 'TemplateLiteral' && t.parts[0].value, '"q" é\t');
    const interp = t.parts[1];
    if (interp.kind !== 'TemplateInterpolation') return;
    const at = offsetOf(text, 'var.k');
    assert.equal(interp.expr.range.start.offset, at);
    assert.equal(interp.expr.range.end.offset, at + 'var.k'.length);
    assert.deepEqual(lsp(interp.expr.range), { start: posAt(text, at), end: posAt(text, at + 5) });
    assert.deepEqual(lsp(t.range), rangeOfText(text, '"\\"q\\" \\u00e9\\t${var.k}!"'));
  });

  it('keeps nested blocks as attributes except the meta blocks Terraform knows; "//" is a comment only in bodies', () => {
    const app = json.resources[0];
    assert.deepEqual(Object.keys(app.body.attributes), ['ami', 'instance_type', 'monitoring', 'root_block_device', 'ebs_block_device', 'tags']);
    assert.deepEqual(app.body.blocks.map((b) => b.type), ['lifecycle']);
    const values = bodyLiteral(app.body);
    assert.deepEqual(values.root_block_device, { volume_size: 16, encrypted: true });
    assert.deepEqual(values.ebs_block_device, [
      { device_name: '/dev/sdf', volume_size: 50 },
      { device_name: '/dev/sdg', volume_size: 100 },
    ]);
    assert.deepEqual(values.tags, { Name: 'app-été', Tier: 'backend', '//': 'kept: inside a map this is a plain key' });
    assert.deepEqual(values.lifecycle, [{ ignore_changes: ['tags'] }]);
  });

  it('reads variable defaults literally (not as templates) and locals without the comment key', () => {
    assert.equal(literalValue(json.variables.instance_type.default!.expr), 't3.medium');
    assert.equal(literalValue(json.variables.template_like.default!.expr), '${not_a_template}');
    assert.equal(json.variables.api_token.sensitive, true);
    assert.equal(json.variables.instance_type.sensitive, false);
    assert.deepEqual(Object.keys(json.locals), ['name', 'ports']);
    assert.deepEqual(literalValue(json.locals.ports.attribute.expr), [80, 443]);
    assert.deepEqual(literalValue(json.locals.name.attribute.expr), { $unknown: 'template with interpolation' });
  });

  it('reports invalid JSON with ranges and keeps what it could read', async () => {
    const text = await readFile(join(brokenDir, 'bad.tf.json'), 'utf8');
    const parsed = parseTfJson(text);
    assert.ok(parsed.diagnostics.length >= 2);
    assert.ok(parsed.diagnostics.every((d) => d.severity === 'error' && d.message.startsWith('Invalid JSON')));
    const lines = parsed.diagnostics.map((d) => d.range.start.line);
    assert.ok(lines.includes(4), `a diagnostic on the missing comma (line 5), got lines ${lines}`);
    const index = emptyModuleIndex(brokenDir);
    declareFile(index, join(brokenDir, 'bad.tf.json'), parsed.body, text);
    assert.ok(index.resources.some((r) => r.address === 'aws_sqs_queue.jobs'));
  });

  it('never throws on input that is not a Terraform JSON object', () => {
    for (const text of ['', '[1, 2]', '"x"', '{', '{"resource": 5}', '{"resource": {"a_b": {"c": [1]}}}', '{"resource": {"a_b": {"c": {"x": "${"}}}}', '\u0000\uffff']) {
      const parsed = parseTfJson(text);
      assert.equal(parsed.body.kind, 'Body', text);
      if (text !== '') assert.ok(parsed.diagnostics.length > 0, `diagnostics for ${JSON.stringify(text)}`);
    }
  });

  it('reads dynamic, provisioner and lifecycle blocks in JSON form, with arrays at any label level', () => {
    const text = JSON.stringify({
      resource: [
        {
          aws_security_group: {
            web: {
              name: 'web',
              dynamic: { ingress: { for_each: '${var.rules}', content: { from_port: '${ingress.value}' } } },
              provisioner: [{ 'local-exec': { command: 'echo hi' } }, { 'local-exec': { command: 'echo bye' } }],
              lifecycle: [{ create_before_destroy: true }],
            },
          },
        },
      ],
    }, null, 2);
    const parsed = parseTfJson(text);
    assert.deepEqual(parsed.diagnostics, []);
    const index = emptyModuleIndex('/m');
    declareFile(index, '/m/x.tf.json', parsed.body, text);
    const [web] = index.resources;
    assert.equal(web.address, 'aws_security_group.web');
    assert.deepEqual(web.body.blocks.map((b) => [b.type, b.labels, b.body.blocks.map((c) => c.type)]), [
      ['dynamic', ['ingress'], ['content']],
      ['provisioner', ['local-exec'], []],
      ['provisioner', ['local-exec'], []],
      ['lifecycle', [], []],
    ]);
    assert.deepEqual(bodyLiteral(web.body), {
      name: 'web',
      ingress: { $unknown: 'dynamic block' },
      provisioner: { 'local-exec': [{ command: 'echo hi' }, { command: 'echo bye' }] },
      lifecycle: [{ create_before_destroy: true }],
    });
  });

  it('cuts values nested 10,000 deep with a diagnostic and keeps the rest of the file', () => {
    const d = 10000;
    const text = `{"locals": {"x": ${'['.repeat(d)}${']'.repeat(d)}, "y": 2}, "resource": {"a_b": {"c": {"v": ${'{"k":'.repeat(d)}1${'}'.repeat(d)}, "w": "ok"}}}}`;
    const parsed = parseTfJson(text);
    assert.equal(parsed.diagnostics.length, 2);
    assert.ok(parsed.diagnostics.every((x) => x.message === 'Nested deeper than 256 levels: this value is not read.'));
    const index = emptyModuleIndex('/m');
    declareFile(index, '/m/deep.tf.json', parsed.body, text);
    assert.equal(literalValue(index.locals.y.attribute.expr), 2);
    assert.equal(index.locals.x.attribute.expr.kind, 'Tuple');
    const [r] = index.resources;
    assert.equal(r.address, 'a_b.c');
    assert.equal(literalValue(r.body.attributes.w.expr), 'ok');
    const reason = literalValue(r.body.attributes.v.expr);
    // The resource body is 4 levels deep, so 252 `k` objects fit under the 256-level cut.
    assert.match(JSON.stringify(reason), /^\{"\$unknown":"k(\.k){251}: invalid expression \(syntax error\)"\}$/);
  });
});
