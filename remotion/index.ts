// Remotion's entry point (Studio and the renderer's bundle).
import { registerRoot } from 'remotion';
import { RemotionRoot } from './Root.tsx';

registerRoot(RemotionRoot);
