import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  path: string;
  body: Buffer;
  contentType: string;
  /** Vite's hashed assets never change under the same name. */
  immutable: boolean;
}

/**
 * The built renderer's file for a URL path; unknown paths get index.html (the app routes itself).
 * Paths that climb out of the folder are refused.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const relative = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  const file = join(root, relative);
  if (file !== root && !file.startsWith(root + sep)) return null;
  const target = (await isFile(file)) ? file : join(root, 'index.html');
  if (!(await isFile(target))) return null;
  return {
    path: target,
    body: await readFile(target),
    contentType: CONTENT_TYPES[extname(target)] ?? 'application/octet-stream',
    immutable: target.includes(`${sep}assets${sep}`),
  };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;
const gzipAsync = promisify(gzip);
const gzipped = new Map<string, Promise<Buffer>>();

/**
 * The file gzipped, when worth it: the app's script is 1.3 MB, 0.4 MB gzipped, which is most of a
 * phone's first load over office Wi-Fi. Hashed assets are compressed once and kept; index.html is small.
 */
export function gzippedBody(file: StaticFile): Promise<Buffer> | null {
  if (!COMPRESSIBLE.test(file.contentType) || file.body.length < 1024) return null;
  if (!file.immutable) return gzipAsync(file.body);
  let body = gzipped.get(file.path);
  if (!body) gzipped.set(file.path, (body = gzipAsync(file.body)));
  return body;
}

/**
 * Gzips the built renderer's assets ahead of the first browser that asks (on zlib's thread pool):
 * otherwise the first visit after a start waits for the compression of the ~1 MB of scripts it loads.
 */
export async function precompressAssets(root: string): Promise<void> {
  const names = await readdir(join(root, 'assets')).catch(() => [] as string[]);
  await Promise.all(
    names.map(async (name) => {
      const file = await readStaticFile(root, `/assets/${name}`);
      if (file?.immutable) await gzippedBody(file);
    }),
  );
}
