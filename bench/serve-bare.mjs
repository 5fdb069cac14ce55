// The physical limit: a bare node:http server that replays recorded responses byte for byte.
// Usage: node bench/serve-bare.mjs --port 4011 --replies replies.json
// replies.json: [{ "method", "pattern" (a RegExp source matched against the URL), "status", "headers", "body" (base64) }]
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import process from 'node:process';

const { values } = parseArgs({ options: { port: { type: 'string', default: '0' }, replies: { type: 'string' } } });
const replies = JSON.parse(readFileSync(values.replies, 'utf8')).map((r) => ({ ...r, re: new RegExp(r.pattern), bytes: Buffer.from(r.body, 'base64') }));

const server = createServer((req, res) => {
  const reply = replies.find((r) => r.method === req.method && r.re.test(req.url));
  req.resume(); // drain any request body
  req.on('end', () => {
    if (!reply) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(reply.status, reply.headers);
    res.end(reply.bytes);
  });
});
server.listen(Number(values.port), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
