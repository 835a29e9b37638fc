// Settings for the Remotion CLI (`npm run studio`, `npx remotion still|render`); the product's own renderer
// (src/render) passes its settings in code and does not read this file.
import { Config } from '@remotion/cli/config';

Config.setEntryPoint('remotion/index.ts');
Config.setVideoImageFormat('jpeg');
Config.setOverwriteOutput(true);
// Never let the CLI download a browser where one is named (the sandbox reaches only package registries).
if (process.env.REMOTION_BROWSER_EXECUTABLE) Config.setBrowserExecutable(process.env.REMOTION_BROWSER_EXECUTABLE);
