// The DriftLens hover on a drifted value or a missing resource's header: since when (from the history),
// and who changed it — a command link before the lookup, the change (or its quiet note) after it.
import { strict as assert } from 'node:assert';
import { attributionLine, changedByLine } from '../../../src/editor/labels';
import { escapeMarkdown, whoChangedLink } from '../../../src/editor/markdown';
import { hoverMarkdown, type HoverEntry } from '../../../src/diagnostics/hoverText';

const NOW = new Date('2026-12-04T12:00:00Z');
const web = (extra: Partial<HoverEntry['result']> = {}): HoverEntry['result'] =>
  ({ address: 'aws_instance.web', status: 'drifted', liveId: 'i-0abc', resource: { root: '/w' }, ...extra });

describe('hover: drift age and who changed it', () => {
  it('a drifted value says since when, from the drift\'s firstSeen', () => {
    const md = hoverMarkdown([{ result: web(), drift: { attribute: 'instance_type', firstSeen: '2026-12-01T11:00:00Z' } }], NOW, false);
    assert.equal(md, '**aws\\_instance\\.web · instance\\_type**: drifted since 3 days');
  });

  it('a missing resource says since when, from the resource\'s firstSeen', () => {
    const md = hoverMarkdown([{ result: web({ status: 'missing', firstSeen: '2026-12-04T10:00:00Z' }) }], NOW, false);
    assert.equal(md, '**aws\\_instance\\.web**: missing in the cloud since 2 h');
  });

  it('nothing to say without a history and without a lookup to offer', () => {
    assert.equal(hoverMarkdown([{ result: web(), drift: { attribute: 'instance_type' } }], NOW, false), '');
  });

  it('offers the "Who changed it?" link only when a lookup may run, for this one resource', () => {
    const md = hoverMarkdown([{ result: web(), drift: { attribute: 'instance_type' } }], NOW, true);
    const link = whoChangedLink('/w', 'aws_instance.web');
    assert.ok(md.includes(`[Who changed it?](${link} `), md);
    assert.deepEqual(JSON.parse(decodeURIComponent(link.slice('command:driftlens.whoChanged?'.length))), [{ root: '/w', address: 'aws_instance.web' }]);
    assert.equal(hoverMarkdown([{ result: web({ liveId: null }), drift: { attribute: 'instance_type' } }], NOW, true), '', 'no live ID: nothing to look up');
  });

  it('after the lookup: the change (escaped), or the quiet note; never the link again', () => {
    const changedBy = { principal: 'arn:aws:sts::1:assumed-role/Admin/alice_[x]', via: 'console' as const, at: '2026-11-20T14:03:00.000Z', action: 'ModifyInstanceAttribute' };
    const md = hoverMarkdown([{ result: web(), drift: { attribute: 'instance_type' }, attribution: { changedBy } }], NOW, true);
    assert.ok(md.endsWith(`  \n${escapeMarkdown('Changed by arn:aws:sts::1:assumed-role/Admin/alice_[x] via console at 2026-11-20 14:03 UTC (ModifyInstanceAttribute)')}`), md);
    assert.ok(!md.includes('command:'));
    const denied = hoverMarkdown([{ result: web(), drift: { attribute: 'instance_type' }, attribution: { attributionNote: 'no permission: cloudtrail:LookupEvents is not allowed' } }], NOW, true);
    assert.match(denied, /Who changed it: no permission: cloudtrail:LookupEvents is not allowed$/);
  });

  it('two roots on one module line: one paragraph each, named by root', () => {
    const md = hoverMarkdown([
      { result: web(), drift: { attribute: 'ami', firstSeen: '2026-12-04T11:00:00Z' }, rootName: 'envs/dev' },
      { result: web({ resource: { root: '/w/envs/prod' } }), drift: { attribute: 'ami', firstSeen: '2026-12-04T11:30:00Z' }, rootName: 'envs/prod' },
    ], NOW, false);
    assert.equal(md, '**envs/dev › aws\\_instance\\.web · ami**: drifted since 1 h\n\n---\n\n**envs/prod › aws\\_instance\\.web · ami**: drifted since 30 min');
  });
});

describe('who-changed-it words', () => {
  it('principal, how (console, CLI, SDK, Terraform), when in UTC, and the API call', () => {
    assert.equal(changedByLine({ principal: 'bob', via: 'cli', at: '2026-11-22T08:30:00.000Z' }), 'changed by bob via CLI at 2026-11-22 08:30 UTC');
    assert.equal(changedByLine({ principal: 'app', via: 'sdk', at: '2026-11-22T08:30:00Z', action: 'CreateTags' }), 'changed by app via SDK at 2026-11-22 08:30 UTC (CreateTags)');
    assert.equal(attributionLine({}), undefined);
    assert.equal(attributionLine({ attributionNote: 'no change event in the last 90 days' }), 'who changed it: no change event in the last 90 days');
  });
});
