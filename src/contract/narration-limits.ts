// The limits of a narration request, in one place: the narrator checks them (src/pipeline/request.ts), the
// narration schema holds a file to them and the desk's page refuses a submission over them before sending it.

export const MIN_SPEED = 0.5;
export const MAX_SPEED = 2;
/** The longest text narrated unless a caller raises it (--max-chars). */
export const DEFAULT_MAX_CHARS = 50_000;
