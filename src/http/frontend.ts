/**
 * `--frontend <dir>`: a static frontend build (the Wapikit app's Next.js export) served on the API's own
 * origin, the way the real single binary's file-serving controller serves it:
 *
 *   /                 → index.html
 *   /_next/…, /a/b.js → that file
 *   /<page>           → <page>.html (or <page>/index.html)
 *   any other GET     → 404.html with status 200 (the app shows its own not-found page)
 *
 * The Express adapter also sends here the GETs under the base path that no API route answers (not the 405s),
 * as the server does. Node-only; the fetch and MSW adapters have no files to serve.
 *
 * Only regular files inside the folder are served: a path with a `.`/`..` segment or a dotfile, a backslash
 * or NUL, a malformed escape, or one whose real path (links followed) leaves the folder gets 404.html.
 * Content types come from the file names (express's `sendFile`, i.e. `send` and `mime-types`).
 */
import { realpathSync, statSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { NextFunction, RequestHandler, Response } from 'express';

/** Why `dir` cannot be served as a frontend, or undefined when it can. */
export function frontendDirProblem(dir: string): string | undefined {
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    return `the frontend folder ${dir} does not exist`;
  }
  if (!isDir) return `the frontend ${dir} is not a folder`;
  let hasIndex = false;
  try {
    hasIndex = statSync(join(dir, 'index.html')).isFile();
  } catch {
    // no index.html
  }
  return hasIndex ? undefined : `the frontend folder ${dir} has no index.html (give the folder of a static export, e.g. Next.js's out/)`;
}

/** The request's path segments, decoded; undefined for a path that could only be an attempt to leave the folder. */
function safeSegments(pathname: string): string[] | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter(Boolean);
  return segments.some((s) => s.startsWith('.')) ? undefined : segments;
}

/** The files a path may name, in order. */
function candidates(pathname: string, segments: string[]): string[][] {
  if (segments.length === 0 || pathname.endsWith('/')) return [[...segments, 'index.html']];
  const last = segments[segments.length - 1]!;
  return [segments, [...segments.slice(0, -1), `${last}.html`], [...segments, 'index.html']];
}

/** A handler for GET and HEAD that serves the folder; other methods go on to the next handler. */
export function frontendHandler(dir: string): RequestHandler {
  const problem = frontendDirProblem(dir);
  if (problem) throw new TypeError(problem);
  const root = realpathSync(dir);

  /** The real path of a regular file under the root, or undefined. */
  const fileInRoot = async (segments: string[]): Promise<string | undefined> => {
    try {
      const real = await realpath(join(root, ...segments));
      if (!real.startsWith(root + sep)) return undefined;
      return (await stat(real)).isFile() ? real : undefined;
    } catch {
      return undefined;
    }
  };

  const send = (res: Response, next: NextFunction, file: string) =>
    res.sendFile(file, { dotfiles: 'allow' }, (err) => {
      // Sent, or the client went away (nothing left to answer); a file gone since it was found: the JSON 404.
      if (err && !res.headersSent) next();
    });

  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    // The whole path, base path included: mounted under /api, req.path has lost it.
    const pathname = req.originalUrl.split('?')[0]!;
    const segments = safeSegments(pathname);
    void (async () => {
      for (const candidate of segments ? candidates(pathname, segments) : []) {
        const file = await fileInRoot(candidate);
        if (file) return send(res, next, file);
      }
      const notFound = await fileInRoot(['404.html']);
      if (notFound) return send(res, next, notFound);
      next();
    })().catch(next);
  };
}
