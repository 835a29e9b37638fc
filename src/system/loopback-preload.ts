// Preloaded (node --import) into Remotion Studio's process by `npm run studio`: see loopback-only.ts.
import { keepServersOnLoopback } from './loopback-only.ts';

keepServersOnLoopback();
