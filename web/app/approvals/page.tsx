import type { Metadata } from 'next';
import { ApprovalsView } from '../../approvals/approvals-view';

export const metadata: Metadata = { title: 'Approvals' };

export default function ApprovalsRoute() {
  return <ApprovalsView />;
}
