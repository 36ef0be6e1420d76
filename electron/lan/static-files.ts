import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

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
