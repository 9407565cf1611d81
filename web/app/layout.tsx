import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { AppProviders } from '../components/app-providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Timesheets · ABC Inc.', template: '%s · Timesheets · ABC Inc.' },
  description: 'Log your hours, see your week, and approve your team’s timesheets.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <AppProviders>{children}</AppProviders>
      </body>
    </html>
  );
}
