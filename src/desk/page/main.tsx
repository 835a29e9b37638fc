// The desk page's entry, bundled by esbuild when the desk starts (src/desk/page-bundle.ts).
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './desk.css';

createRoot(document.getElementById('desk')!).render(<App />);
