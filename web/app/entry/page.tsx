import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Loading } from '../../components/loading';
import { EntryDetailsView } from '../../timesheets/entry-details-view';

export const metadata: Metadata = { title: 'Entry details' };

export default function EntryRoute() {
  return (
    <Suspense fallback={<Loading />}>
      <EntryDetailsView />
    </Suspense>
  );
}
