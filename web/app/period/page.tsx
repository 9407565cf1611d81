import type { Metadata } from 'next';
import { PeriodView } from '../../period/period-view';

export const metadata: Metadata = { title: 'Payroll period' };

export default function PeriodRoute() {
  return <PeriodView />;
}
