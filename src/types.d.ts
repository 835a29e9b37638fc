declare module '@echogarden/espeak-ng-emscripten' {
  const createModule: () => Promise<any>;
  export default createModule;
}
