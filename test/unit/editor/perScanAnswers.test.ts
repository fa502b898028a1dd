// "Who changed it?" answers are kept per resource and per scan: asked again, no new lookup; asked while
// running, the same lookup; a new scan (a new snapshot) asks again; a failed lookup is not kept.
import { strict as assert } from 'node:assert';
import { PerScanAnswers } from '../../../src/editor/perScanAnswers';

describe('answers kept per resource and scan', () => {
  it('one run per resource and scan, joined while it runs, run again for a new scan', async () => {
    const answers = new PerScanAnswers<string>();
    let runs = 0;
    const lookUp = () => new Promise<string>((r) => setTimeout(() => r(`answer ${++runs}`), 5));
    const scan1 = {};
    const [a, b] = await Promise.all([answers.ask(scan1, 'web', lookUp), answers.ask(scan1, 'web', lookUp)]);
    assert.equal(a, 'answer 1');
    assert.equal(b, 'answer 1');
    assert.equal(await answers.ask(scan1, 'web', lookUp), 'answer 1');
    assert.equal(answers.get(scan1, 'web'), 'answer 1');
    assert.equal(runs, 1);
    assert.equal(await answers.ask(scan1, 'api', lookUp), 'answer 2', 'another resource is its own lookup');
    const scan2 = {};
    assert.equal(answers.get(scan2, 'web'), undefined, 'a new scan knows nothing yet');
    assert.equal(await answers.ask(scan2, 'web', lookUp), 'answer 3');
    assert.equal(runs, 3);
  });

  it('a failed lookup (undefined) is not kept: the next request runs again', async () => {
    const answers = new PerScanAnswers<string>();
    const scan = {};
    assert.equal(await answers.ask(scan, 'web', async () => undefined), undefined);
    assert.equal(answers.get(scan, 'web'), undefined);
    assert.equal(await answers.ask(scan, 'web', async () => 'found'), 'found');
  });
});
