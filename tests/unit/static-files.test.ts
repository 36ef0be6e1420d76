import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzippedBody, precompressAssets, readStaticFile } from '../../electron/lan/static-files.js';
import { tempDir } from '../helpers/test-host.js';

const SCRIPT = 'export const greeting = "你好";\n'.repeat(2000);

const PENDING = Symbol('pending');

/** Whether the promise has already settled: a settled promise wins a race against a resolved one listed after it. */
const settled = async (promise: Promise<unknown>) => (await Promise.race([promise, Promise.resolve(PENDING)])) !== PENDING;

function builtRenderer(): string {
  const root = tempDir('crm-static-');
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Office CRM</title>');
  writeFileSync(join(root, 'assets', 'vendor-abc.js'), SCRIPT);
  writeFileSync(join(root, 'assets', 'index-def.js'), SCRIPT);
  return root;
}

describe('static files', () => {
  it('compresses the assets ahead of the first request, once', async () => {
    const root = builtRenderer();
    const cold = (await readStaticFile(root, '/assets/index-def.js'))!;
    // Without the warm-up, the first request waits for the compression.
    expect(await settled(gzippedBody(cold)!)).toBe(false);

    await precompressAssets(root);
    const warm = (await readStaticFile(root, '/assets/vendor-abc.js'))!;
    const body = gzippedBody(warm)!;
    expect(await settled(body)).toBe(true);
    expect(gunzipSync(await body).toString()).toBe(SCRIPT);
  });

  it('a renderer without assets (not built) is nothing to compress', async () => {
    await expect(precompressAssets(tempDir('crm-static-'))).resolves.toBeUndefined();
  });
});
