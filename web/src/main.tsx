import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './i18n/index.ts';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
createRoot(container).render(<App />);
