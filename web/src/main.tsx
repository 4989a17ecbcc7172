import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { frameworkQuery } from './api/hooks.js';
import { router } from './routes.js';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    // Errors are shown on the page; a second try hides nothing and mostly delays the message.
    queries: { retry: 1, refetchOnWindowFocus: false },
  },
});

// Almost every page needs the framework: ask for it now, while the page's own code is on its way.
void queryClient.prefetchQuery(frameworkQuery);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
