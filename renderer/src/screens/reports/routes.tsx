/** `#/reports`: the screen and its chart library load on the first visit only. */
import { Skeleton } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { route } from '../../lib/router';

const ReportsPage = lazy(() => import('./ReportsPage').then((m) => ({ default: m.ReportsPage })));

export const reportRoutes = [
  route(
    '/reports',
    () => (
      <Suspense fallback={<Skeleton h={400} />}>
        <ReportsPage />
      </Suspense>
    ),
    'reports.run',
  ),
];
