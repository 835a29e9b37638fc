// Feed titles and error text are written by strangers and end up on terminals and in log files: escape sequences
// in them could rewrite the screen, and line breaks could forge log lines. Control characters become spaces.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function printable(text: string): string {
  return text.replace(CONTROL, ' ');
}
