import type { Metadata } from 'next';
import { Suspense } from 'react';
import { BoardView } from '../../board/board-view';
import { Loading } from '../../components/loading';

export const metadata: Metadata = { title: 'Team board' };

export default function BoardRoute() {
  return (
    <Suspense fallback={<Loading />}>
      <BoardView />
    </Suspense>
  );
}
