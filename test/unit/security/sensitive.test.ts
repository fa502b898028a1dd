import { strict as assert } from 'node:assert';
import { buildInventory } from '../../../src/iac/inventory';
import { holdsSensitive, isSensitiveAttribute, isSensitiveName, maskLike, maskParts, maskSensitiveValue, maskedValue, pathSegments, safeReason } from '../../../src/iac/sensitive';
import { fromValue, markSensitive } from '../../../src/iac/terraform/evalValue';
import { parseState } from '../../../src/iac/terraform/state';
import { parseTerraformText } from '../../../src/iac/moduleIndex';
import { tempDir, type TempDir } from '../engine/helpers';

describe('security: which attributes are sensitive', () => {
  it('knows what the providers\' schemas mark Sensitive, by type', () => {
    for (const [type, path] of [
      ['aws_db_instance', 'password'],
      ['aws_rds_cluster', 'master_password'],
      ['aws_iam_access_key', 'secret'],
      ['aws_iam_user_login_profile', 'password'],
      ['aws_secretsmanager_secret_version', 'secret_string'],
      ['aws_ssm_parameter', 'value'],
      ['aws_mq_broker', 'user[0].password'],
      ['azurerm_linux_virtual_machine', 'admin_password'],
      ['azurerm_key_vault_secret', 'value'],
      ['azurerm_mssql_server', 'administrator_login_password'],
      ['azurerm_storage_account', 'primary_connection_string'],
      ['azurerm_virtual_machine', 'os_profile[0].admin_password'],
      // Everything below a sensitive block.
      ['azurerm_kubernetes_cluster', 'kube_config[0].client_key'],
      ['azurerm_kubernetes_cluster', 'kube_admin_config_raw'],
    ]) {
      assert.ok(isSensitiveAttribute(type, path), `${type}.${path}`);
    }
    // `value` is a secret for a Key Vault secret or an SSM parameter, not for any type.
    assert.equal(isSensitiveAttribute('aws_route53_record', 'value'), false);
    assert.equal(isSensitiveAttribute('azurerm_app_configuration_key', 'value'), false);
  });

  it('masks secrets by name for any provider, as whole words', () => {
    for (const [type, path] of [
      ['google_sql_user', 'password'],
      ['mongodbatlas_database_user', 'password'],
      ['aws_lambda_function', 'environment[0].variables.DB_PASSWORD'],
      ['azurerm_linux_web_app', 'app_settings.ApiKey'],
      ['azurerm_linux_web_app', 'app_settings["SQL_CONNECTION_STRING"]'],
      ['datadog_integration_aws', 'api_key'],
      ['kubernetes_secret', 'data.private_key'],
      ['vault_generic_secret', 'credentials'],
      ['aws_elasticache_replication_group', 'auth_token'],
      ['random_thing', 'client_secret'],
      ['azurerm_x', 'sas_token'],
      ['azurerm_x', 'storageAccountKey'],
    ]) {
      assert.ok(isSensitiveAttribute(type, path), `${type}.${path}`);
    }
  });

  it('leaves visible what is about a secret but is not one (IDs, switches, limits)', () => {
    for (const [type, path] of [
      ['aws_instance', 'metadata_options[0].http_tokens'],
      ['aws_instance', 'instance_type'],
      ['aws_instance', 'user_data'],
      ['aws_instance', 'get_password_data'],
      ['azurerm_linux_virtual_machine', 'disable_password_authentication'],
      ['azurerm_linux_virtual_machine', 'admin_username'],
      ['aws_iam_account_password_policy', 'minimum_password_length'],
      ['aws_iam_account_password_policy', 'max_password_age'],
      ['aws_iam_account_password_policy', 'password_reuse_prevention'],
      ['aws_secretsmanager_secret_version', 'secret_id'],
      ['aws_db_instance', 'manage_master_user_password'],
      ['aws_db_instance', 'master_user_secret_kms_key_id'],
      ['aws_db_instance', 'kms_key_id'],
      ['aws_rds_cluster', 'master_password_wo_version'],
      ['azurerm_storage_account', 'shared_access_key_enabled'],
      ['azurerm_key_vault', 'access_policy[0].secret_permissions'],
      ['azurerm_key_vault_secret', 'name'],
      ['x_api', 'token_expiry_days'],
      ['aws_cognito_user_pool_client', 'generate_secret'],
      ['aws_instance', 'tags.Name'],
      ['aws_key_pair', 'public_key'],
    ]) {
      assert.equal(isSensitiveAttribute(type, path), false, `${type}.${path}`);
    }
  });

  it('splits paths and names the way drifts and map keys are written', () => {
    assert.deepEqual(pathSegments('root_block_device[1].volume_size'), ['root_block_device', 'volume_size']);
    assert.deepEqual(pathSegments('app_settings["a.b"].x'), ['app_settings', 'a.b', 'x']);
    assert.ok(isSensitiveName('DbPassword'));
    assert.ok(isSensitiveName('db-password'));
    assert.equal(isSensitiveName('passwordless'), false);
    assert.equal(isSensitiveName('tokens'), false);
  });

  it('masks only the sensitive parts of a value, and says when a value holds one', () => {
    const env = { variables: { DB_PASSWORD: 'hunter2', REGION: 'eu' } };
    assert.deepEqual(maskSensitiveValue('aws_lambda_function', 'environment', env), { variables: { DB_PASSWORD: '(sensitive)', REGION: 'eu' } });
    assert.ok(holdsSensitive('aws_lambda_function', 'environment', env));
    assert.equal(holdsSensitive('aws_lambda_function', 'environment', { variables: { REGION: 'eu' } }), false);
    // A value from a sensitive variable, and the live value that answers it.
    const code = fromValue({ Name: 'web', Owner: 'x' });
    if (code.kind !== 'map') throw new Error('map expected');
    code.entries.set('Owner', markSensitive(code.entries.get('Owner')!));
    assert.deepEqual(maskedValue(code), { Name: 'web', Owner: '(sensitive)' });
    assert.deepEqual(maskLike(code, { Name: 'web', Owner: 'live-secret', Extra: 'y' }), { Name: 'web', Owner: '(sensitive)', Extra: 'y' });
    assert.equal(safeReason('base64decode: failed to decode base64 data "hunter2"', true), 'not known (details hidden: sensitive value)');
    assert.equal(safeReason('reference to undeclared hunter2', true), 'not known (details hidden: sensitive value)');
    assert.equal(safeReason('reference to undeclared hunter2', false), 'reference to undeclared hunter2');
    const noValue = 'var.db_password has no value (no default, not set in terraform.tfvars or *.auto.tfvars, TF_VAR_db_password, --var-file or --var)';
    assert.equal(safeReason(noValue, true), noValue);
    assert.equal(safeReason('aws_db_instance.db is not in state', true), 'aws_db_instance.db is not in state');
  });
});

describe('security: inventory masks literal secrets', () => {
  let ws: TempDir | undefined;
  afterEach(() => {
    ws?.remove();
    ws = undefined;
  });

  it('shows "(sensitive)" for table entries and the heuristic, and other literals as written', async () => {
    ws = tempDir({
      'main.tf': [
        'resource "aws_db_instance" "db" { password = "hunter2" }',
        'resource "azurerm_linux_virtual_machine" "vm" { admin_password = "S3cret!" }',
        'resource "aws_ssm_parameter" "p" {',
        '  type  = "SecureString"',
        '  value = "ssm-s3cret"',
        '}',
        'resource "azurerm_virtual_machine" "legacy" {',
        '  os_profile {',
        '    admin_username = "azureuser"',
        '    admin_password = "legacy-s3cret"',
        '  }',
        '}',
        'resource "aws_lambda_function" "fn" {',
        '  function_name = "fn"',
        '  environment {',
        '    variables = { DB_PASSWORD = "env-s3cret", REGION = "eu-west-1" }',
        '  }',
        '}',
        'resource "google_sql_user" "u" {',
        '  name     = "app"',
        '  password = var.db_password',
        '}',
      ].join('\n'),
    });
    const inv = await buildInventory(ws.dir);
    const json = JSON.stringify(inv);
    for (const secret of ['hunter2', 'S3cret!', 'ssm-s3cret', 'legacy-s3cret', 'env-s3cret']) assert.ok(!json.includes(secret), `${secret} leaked: ${json}`);
    const attrs = (address: string) => inv.resources.find((r) => r.address === address)?.attributes;
    assert.equal(attrs('aws_db_instance.db')?.password, '(sensitive)');
    assert.equal(attrs('azurerm_linux_virtual_machine.vm')?.admin_password, '(sensitive)');
    assert.equal(attrs('aws_ssm_parameter.p')?.value, '(sensitive)');
    assert.deepEqual(attrs('azurerm_virtual_machine.legacy')?.os_profile, [{ admin_username: 'azureuser', admin_password: '(sensitive)' }]);
    // Negative control: what is not a secret is shown, so the assertions above would catch a leak.
    assert.equal(attrs('aws_ssm_parameter.p')?.type, 'SecureString');
    assert.deepEqual(attrs('aws_lambda_function.fn')?.environment, [{ variables: { DB_PASSWORD: '(sensitive)', REGION: 'eu-west-1' } }]);
    // A reference holds no value: it stays an unknown marker saying what it refers to.
    assert.deepEqual(attrs('google_sql_user.u')?.password, { $unknown: 'reference to var.db_password' });
  });
});

describe('security: error messages never quote a secret', () => {
  it('a broken state file is reported by position, not with the text around the error', () => {
    const text = '{"version": 4, "resources": [{"attributes": {"password": hunter2-state}}]}';
    assert.throws(
      () => parseState(text, '/ws/terraform.tfstate'),
      (err: Error) => {
        assert.match(err.message, /\/ws\/terraform\.tfstate is not valid JSON \(InvalidSymbol at line 1, column \d+\)/);
        assert.ok(!err.message.includes('hunter2'), err.message);
        return true;
      },
    );
  });

  it('an unknown template directive inside a string is not quoted back', () => {
    const parsed = parseTerraformText('main.tf', 'resource "aws_db_instance" "db" {\n  password = "pre%{hunter2}post"\n}\n');
    assert.equal(parsed.diagnostics.length, 1);
    assert.match(parsed.diagnostics[0].message, /^Unknown template directive/);
    assert.ok(!parsed.diagnostics[0].message.includes('hunter2'), parsed.diagnostics[0].message);
  });
});

describe('security: masking walks a value without changing it', () => {
  it('copies only what holds a secret, in key order, and leaves the input as it was', () => {
    const input = JSON.parse('{"name":"db","settings":{"password":"hunter2","port":5432},"tags":{"Env":"prod"},"list":[{"token":"t0p"},{"x":1}]}');
    const before = JSON.stringify(input);
    const out = maskSensitiveValue('aws_db_instance', '', input) as Record<string, unknown>;
    assert.equal(JSON.stringify(input), before, 'the input is not changed');
    assert.equal(JSON.stringify(out), '{"name":"db","settings":{"password":"(sensitive)","port":5432},"tags":{"Env":"prod"},"list":[{"token":"(sensitive)"},{"x":1}]}');
    assert.equal(out.tags, input.tags, 'a part with nothing to mask is kept as it is');
    assert.notEqual(out.settings, input.settings);
    assert.equal((out.list as unknown[])[1], input.list[1]);
    assert.equal(maskSensitiveValue('aws_db_instance', '', input.tags), input.tags);
  });

  it('keeps a key __proto__ as an own key of the copy', () => {
    const input = JSON.parse('{"__proto__":{"a":1},"password":"x"}');
    const out = maskSensitiveValue('aws_instance', '', input) as Record<string, unknown>;
    assert.deepEqual(Object.keys(out), ['__proto__', 'password']);
    assert.deepEqual(Object.getOwnPropertyDescriptor(out, '__proto__')?.value, { a: 1 });
    assert.equal(Object.getPrototypeOf(out), Object.prototype);
  });

  it('lets a part that holds no value stand, even under a sensitive key', () => {
    const marker = { $unknown: 'reference to var.db_password' };
    const shared = Object.freeze({ $unknown: 'reference to var.db_password' });
    const spare = (v: unknown): unknown => (typeof v === 'object' && v !== null && '$unknown' in v ? shared : undefined);
    const out = maskParts<unknown>('aws_db_instance', [], { password: marker, other: marker, secret_value: 'x' }, spare) as Record<string, unknown>;
    assert.equal(out.password, shared);
    assert.equal(out.other, shared);
    assert.equal(out.secret_value, '(sensitive)');
  });
});
