import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout, RouteError } from './Layout.js';
import { assessmentsQuery, documentsQuery, evidenceQuery, profileQuery } from './api/queries.js';
import { prefetch } from './api/queryClient.js';

/** A page loaded on first visit only: each page is its own chunk, so the first load stays small. */
const page = (load: () => Promise<{ default: ComponentType }>) => async () => ({
  Component: (await load()).default,
});

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <p className="loading">Loading…</p>,
    children: [
      { index: true, lazy: page(() => import('./pages/Ladder.js')) },
      { path: 'lattice', lazy: page(() => import('./pages/Lattice.js')) },
      // A page's first view waits on these answers: each route asks for them as it starts loading
      // the page's code, not after the code has arrived and rendered (the framework is asked for in main.tsx).
      {
        path: 'assessment',
        loader: () => prefetch(assessmentsQuery, profileQuery),
        lazy: page(() => import('./pages/Assessment.js')),
      },
      {
        path: 'evidence',
        loader: () => prefetch(evidenceQuery, profileQuery, assessmentsQuery),
        lazy: page(() => import('./pages/Evidence.js')),
      },
      {
        path: 'paths',
        loader: () => prefetch(profileQuery, assessmentsQuery),
        lazy: page(() => import('./pages/Paths.js')),
      },
      { path: 'fit', lazy: page(() => import('./pages/Fit.js')) },
      {
        path: 'offers',
        loader: () => prefetch(documentsQuery('offers')),
        lazy: page(() => import('./pages/Offers.js')),
      },
      {
        path: 'earnings',
        loader: () => prefetch(documentsQuery('scenarios')),
        lazy: page(() => import('./pages/Earnings.js')),
      },
      {
        path: 'learning',
        loader: () => prefetch(profileQuery, assessmentsQuery),
        lazy: page(() => import('./pages/Learning.js')),
      },
      { path: 'frameworks', lazy: page(() => import('./pages/Frameworks.js')) },
      { path: 'org/people', lazy: page(() => import('./pages/org/People.js')) },
      { path: 'org/people/:id', lazy: page(() => import('./pages/org/Person.js')) },
      { path: 'org/chart', lazy: page(() => import('./pages/org/OrgChart.js')) },
      { path: 'org/audit', lazy: page(() => import('./pages/org/Audit.js')) },
      { path: 'org/settings', lazy: page(() => import('./pages/org/Settings.js')) },
      { path: 'org/reviews', lazy: page(() => import('./pages/org/reviews/MyReviews.js')) },
      { path: 'org/team', lazy: page(() => import('./pages/org/team/Team.js')) },
      { path: 'org/cycles', lazy: page(() => import('./pages/org/cycles/Cycles.js')) },
      { path: 'org/cycles/:id', lazy: page(() => import('./pages/org/cycles/CycleDetail.js')) },
      { path: 'org/cycles/:id/calibration', lazy: page(() => import('./pages/org/calibration/Board.js')) },
      { path: 'org/cases', lazy: page(() => import('./pages/org/cases/Cases.js')) },
      { path: 'org/cases/:id', lazy: page(() => import('./pages/org/cases/Case.js')) },
      { path: 'org/structure', lazy: page(() => import('./pages/org/Structure.js')) },
      { path: 'org/pay', lazy: page(() => import('./pages/org/Pay.js')) },
      { path: 'org/pay/me', lazy: page(() => import('./pages/org/PayMe.js')) },
      { path: 'org/pay/criteria', lazy: page(() => import('./pages/org/PayCriteria.js')) },
      { path: '*', lazy: page(() => import('./pages/NotFound.js')) },
    ],
  },
];

export const router = createBrowserRouter(routes);
