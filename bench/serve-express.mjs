// Express 5 replaying recorded responses byte for byte: what the framework alone costs, the mock's own ceiling.
// Usage: node bench/serve-express.mjs --port 4012 --replies replies.json   (the same file serve-bare.mjs reads)
// Routes are Express routes (one per recorded reply, its path as written); the JSON request body of a POST is
// read by express.json(), as the mock reads one.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import process from 'node:process';
import express from 'express';

const { values } = parseArgs({ options: { port: { type: 'string', default: '0' }, replies: { type: 'string' } } });
const replies = JSON.parse(readFileSync(values.replies, 'utf8'));

const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.use(express.json());
for (const r of replies) {
  const bytes = Buffer.from(r.body, 'base64');
  app[r.method.toLowerCase()](r.route, (_req, res) => {
    res.status(r.status).set(r.headers).end(bytes);
  });
}
const server = app.listen(Number(values.port), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
