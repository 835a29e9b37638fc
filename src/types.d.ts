declare module '@echogarden/espeak-ng-emscripten' {
  // biome-ignore lint/suspicious/noExplicitAny: the emscripten module has no published types; src/phonemes/espeak.ts states the part it uses.
  const createModule: () => Promise<any>;
  export default createModule;
}
