import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { sessionQuery } from './api/org.js';
import { frameworkQuery } from './api/queries.js';
import { prefetch, queryClient } from './api/queryClient.js';
import { router } from './routes.js';
import './styles.css';

// The layout waits for the session and almost every page needs the framework: ask for both now,
// while the page's own code is on its way (index.html preloads both, so these find them coming).
prefetch(sessionQuery, frameworkQuery);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
