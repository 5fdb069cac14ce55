import type { NextFunction, Request, Response } from 'express';

const ALLOWED_METHODS = 'POST, GET, HEAD, PUT, DELETE, OPTIONS';
const ALLOWED_HEADERS = 'Accept, Authorization, Content-Type, Origin, Cache-Control, x-access-token, x-razorpay-signature, Prefer';
const EXPOSED_HEADERS = 'Content-Type, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset';

/**
 * CORS as the real server does it: the request's Origin is echoed with credentials allowed, on every
 * response; preflights answer 204 and are cached for 5 seconds. `allowedOrigin` '*' echoes any origin.
 * (`Prefer` is allowed as well, so a browser can use the per-request controls.) Mounted after `/__mock`, which
 * grants no CORS at all (control-access.ts).
 */
export function cors(allowedOrigin: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.get('origin');
    res.setHeader('Vary', 'Origin');
    if (origin && (allowedOrigin === '*' || origin === allowedOrigin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    }
    if (req.method === 'OPTIONS' && req.get('access-control-request-method')) {
      res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
      res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      res.setHeader('Access-Control-Max-Age', '5');
      res.status(204).end();
      return;
    }
    next();
  };
}
