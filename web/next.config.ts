import path from 'node:path';
import type { NextConfig } from 'next';

/**
 * A static export: one build serves every environment, because the settings that differ (the
 * authorization server, the client id, the API URL) are read at run time from `/config.json`.
 */
const nextConfig: NextConfig = {
  output: 'export',
  // Every route is a folder with an index.html, so `/callback/` works on any static file server.
  trailingSlash: true,
  reactStrictMode: true,
  poweredByHeader: false,
  images: { unoptimized: true },
  // The app imports the shared rules from ../core: let the bundler see the repository root.
  turbopack: { root: path.resolve(__dirname, '..') },
};

export default nextConfig;
