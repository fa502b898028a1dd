// collectAnswer (src/providers/aws/httpHandler.ts) collects an answer's body for every EC2 client: into one
// buffer when Content-Length is given, chunk by chunk otherwise, never trusting the header beyond what came.
import { strict as assert } from 'node:assert';
import { Readable } from 'node:stream';
import { collectAnswer } from '../../../src/providers/aws/httpHandler';

function answer(chunks: (string | Error)[], headers: Record<string, string> = {}, end = true): Readable {
  const body = new Readable({ read() {} });
  Object.assign(body, { headers });
  setImmediate(() => {
    for (const c of chunks) {
      if (c instanceof Error) return body.destroy(c);
      body.push(Buffer.from(c));
    }
    if (end) body.push(null);
    else body.destroy();
  });
  return body;
}

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

describe('collectAnswer: an answer body in one buffer', () => {
  it('fills a buffer of Content-Length bytes chunk by chunk', async () => {
    const bytes = await collectAnswer(answer(['<a>', 'é', '</a>'], { 'content-length': '9' }));
    assert.equal(text(bytes), '<a>é</a>');
    assert.equal(bytes.byteLength, 9);
  });

  it('keeps every byte when the header says less than came, or says nothing', async () => {
    assert.equal(text(await collectAnswer(answer(['<a>', 'more than declared', '</a>'], { 'content-length': '5' }))), '<a>more than declared</a>');
    assert.equal(text(await collectAnswer(answer(['<a>', '1', '</a>']))), '<a>1</a>');
    assert.equal(text(await collectAnswer(answer(['<a>', '</a>'], { 'content-length': 'junk' }))), '<a></a>');
  });

  it('gives only what came when the body ends short of Content-Length', async () => {
    assert.equal(text(await collectAnswer(answer(['<a>'], { 'content-length': '100' }))), '<a>');
  });

  it('fails with the stream\'s error, and when the connection closes before the end', async () => {
    await assert.rejects(collectAnswer(answer(['<a>', new Error('socket hang up')], { 'content-length': '100' })), /socket hang up/);
    await assert.rejects(collectAnswer(answer(['<a>'], { 'content-length': '100' }, false)), (e: Error & { code?: string }) => e.code === 'ECONNRESET');
  });

  it('passes bytes already collected through', async () => {
    const bytes = new Uint8Array([60, 97, 47, 62]);
    assert.equal(await collectAnswer(bytes), bytes);
  });
});
