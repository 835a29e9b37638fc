import path from 'node:path';

/** The checkout's root: where model/, public/ and the Remotion entry point are found, whatever the working folder. */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
