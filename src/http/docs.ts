/**
 * `/docs`: Swagger UI for openapi/wapikit.yaml, served from the installed swagger-ui-dist package (no CDN,
 * works offline). "Try it out" calls this mock: the document at /docs/openapi.json lists the mock's own
 * origin first in `servers`. Authorize with a token (the start banner prints one) and every call sends it
 * as `x-access-token`.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import type { OpenApiDocument } from '../spec/index.js';
import { DEMO_ACCOUNT } from '../world/demo-accounts.js';

const swaggerUiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const INDEX_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Wapikit API · wapikit-mock</title>
  <link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
  <link rel="stylesheet" href="/docs/swagger-ui.css">
  <style>body { margin: 0; } .mock-banner { font: 14px/1.4 sans-serif; padding: 8px 20px; background: #1f2937; color: #f9fafb; }
  .mock-banner code { color: #a7f3d0; }</style>
</head>
<body>
  <div class="mock-banner">wapikit-mock: "Try it out" calls this server. Click <b>Authorize</b> and paste the token the
  start banner printed (or log in with <code>POST /auth/login</code> as <code>${DEMO_ACCOUNT.username}</code> / <code>${DEMO_ACCOUNT.password}</code>).</div>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>
`;

const INIT_JS = `window.ui = SwaggerUIBundle({
  url: '/docs/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  displayOperationId: true,
  displayRequestDuration: true,
  persistAuthorization: true,
  showExtensions: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});
`;

function send(res: Response, contentType: string, text: string): void {
  res.status(200).setHeader('Content-Type', contentType);
  res.setHeader('Cache-Control', 'no-cache');
  res.end(text);
}

/** The docs router; mount it at /docs. `basePath` is the API's prefix (`/api`). */
export function docsRouter(doc: OpenApiDocument, basePath: string): Router {
  const router = express.Router({ caseSensitive: true, strict: true });
  const others = (doc.servers ?? []).filter((s) => !/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(s.url));

  router.get(['/', '/index.html'], (_req, res) => send(res, 'text/html; charset=utf-8', INDEX_HTML));
  router.get('/init.js', (_req, res) => send(res, 'text/javascript; charset=utf-8', INIT_JS));
  router.get('/openapi.json', (req: Request, res: Response) => {
    const origin = `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;
    const servers = [{ url: `${origin}${basePath}`, description: 'This mock (wapikit-mock)' }, ...others];
    send(res, 'application/json', `${JSON.stringify({ ...doc, servers })}\n`);
  });
  // swagger-ui-dist's own index.html and initializer point at the Petstore: never serve them.
  router.get(['/swagger-initializer.js'], (_req, res) => res.redirect(302, '/docs/'));
  router.use(express.static(swaggerUiDir, { index: false, fallthrough: true, maxAge: '1h' }));
  return router;
}
