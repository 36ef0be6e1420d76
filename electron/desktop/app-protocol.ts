import { readStaticFile } from '../lan/static-files.js';
import { CONTENT_SECURITY_POLICY, isAppUrl } from './security.js';

const HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-cache',
} as const;

function refuse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
}

/**
 * The app:// protocol handler: the built renderer's files, read-only. The API is not served here
 * (it goes over IPC, where the sender is checked), so this scheme exposes nothing but static files.
 */
export async function serveAppRequest(request: Request, rendererDir: string): Promise<Response> {
  if (!isAppUrl(request.url)) return refuse(404, 'Not found');
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'GET only');
  let file;
  try {
    file = await readStaticFile(rendererDir, new URL(request.url).pathname);
  } catch (error) {
    if (error instanceof URIError) return refuse(400, 'Bad path');
    throw error;
  }
  if (!file) return refuse(404, 'The app is not built: run npm run build');
  return new Response(request.method === 'HEAD' ? null : file.body, {
    status: 200,
    headers: { ...HEADERS, 'content-type': file.contentType },
  });
}
