import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/base.css';
import './app/layout.css';
import './list/list.css';
import './reader/reader.css';
import './dialogs/panels.css';
import './export/export.css';
import './shared/progress-panel.css';
import './highlights/highlights.css';
import './related/related.css';
import './entities/entities.css';
import './timeline/timeline.css';
import './saved/saved.css';
import './versions/versions.css';
import './watch/watch.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
