import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Loading } from '../../components/loading';
import { WeekView } from '../../timesheets/week-view';

export const metadata: Metadata = { title: 'My week' };

export default function WeekRoute() {
  return (
    <Suspense fallback={<Loading />}>
      <WeekView />
    </Suspense>
  );
}
