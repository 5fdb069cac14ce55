// In-process start, in a fresh Node process: import the package entry, createMockServer(), listen, first 200.
// Usage: node bench/start-in-process.mjs [--entry dist/src/index.js]
// Prints one JSON line: {"importMs", "createMs", "listenMs", "firstRequestMs", "createToFirst200Ms", "totalMs"}
// where createToFirst200Ms runs from calling createMockServer() to the end of the first 200 of the list page.
import { request } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import process from 'node:process';
import { performance } from 'node:perf_hooks';

const { values } = parseArgs({ options: { entry: { type: 'string', default: resolve(import.meta.dirname, '../dist/src/index.js') } } });

/** One GET on a fresh connection; resolves with the status once the whole body has arrived. */
function get(url, headers) {
  return new Promise((done, fail) => {
    const req = request(url, { headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

const t0 = performance.now();
const { createMockServer } = await import(pathToFileURL(resolve(values.entry)).href);
const t1 = performance.now();
// A fixed token, as `wapikit-mock serve --token` takes one: no signing on the way to the first request.
const app = createMockServer({ token: 'bench' });
const t2 = performance.now();
const server = await new Promise((ok) => {
  const s = app.listen(0, '127.0.0.1', () => ok(s));
});
const t3 = performance.now();
const status = await get(`http://127.0.0.1:${server.address().port}/api/conversations?page=1&per_page=20`, { 'x-access-token': 'bench' });
const t4 = performance.now();
if (status !== 200) throw new Error(`the first request answered ${status}`);
const ms = (x) => Math.round(x * 10) / 10;
process.stdout.write(`${JSON.stringify({ importMs: ms(t1 - t0), createMs: ms(t2 - t1), listenMs: ms(t3 - t2), firstRequestMs: ms(t4 - t3), createToFirst200Ms: ms(t4 - t1), totalMs: ms(t4 - t0) })}\n`);
server.close();
process.exit(0);
