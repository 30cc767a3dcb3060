import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import { queryClient } from './api/query-client';
import { App } from './app/App';
import { startTheme } from './app/theme-store';
import './styles/global.css';

// Before the first render, so a dark-theme user never sees a flash of light.
startTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
