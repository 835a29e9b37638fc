// Webpack (Remotion's bundler) turns an imported font file into the URL it serves the file at.
declare module '*.woff2' {
  const url: string;
  export default url;
}
