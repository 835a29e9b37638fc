// The desk page, bundled in memory when the desk starts: esbuild takes the React page and the composition it
// previews (remotion/NewsVideo, fonts inlined) to one script and one stylesheet, so nothing is built ahead of time
// and the Player draws exactly the composition the renderer renders.
import path from 'node:path';
import { build } from 'esbuild';
import { PROJECT_ROOT } from '../system/project-root.ts';
import type { DeskPage } from './server.ts';

const ENTRY = path.join(PROJECT_ROOT, 'src/desk/page/main.tsx');

const HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kokoro News desk</title>
<link rel="stylesheet" href="/assets/desk.css">
</head>
<body>
<div id="desk"></div>
<script type="module" src="/assets/desk.js"></script>
</body>
</html>
`;

export async function bundleDeskPage(): Promise<DeskPage> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    outdir: 'assets',
    entryNames: 'desk',
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    jsx: 'automatic',
    // The composition's fonts come as data URLs: the page works from any address without a font route.
    loader: { '.woff2': 'dataurl' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const output = (extension: string) => {
    const file = result.outputFiles.find((candidate) => candidate.path.endsWith(extension));
    if (!file) throw new Error(`esbuild made no ${extension} for the desk page`);
    return file.text;
  };
  return { html: HTML, script: output('.js'), css: output('.css') };
}
