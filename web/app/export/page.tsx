import type { Metadata } from 'next';
import { ExportView } from '../../export/export-view';

export const metadata: Metadata = { title: 'Export' };

export default function ExportRoute() {
  return <ExportView />;
}
