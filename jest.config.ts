/** @jest-config-loader-options {"transpileOnly": true, "compilerOptions": {"module": "commonjs", "moduleResolution": "node10"}} */
import type { Config } from 'jest';

const config: Config = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{core,server,idp,importer,scripts,web,test}/**/*.test.{ts,tsx}'],
  testPathIgnorePatterns: ['/node_modules/', '/web/.next/', '/web/out/', '/data/'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { transform: { react: { runtime: 'automatic' } } } }],
  },
  // jose and oidc-provider ship ESM only: let swc turn them into CommonJS for Jest.
  transformIgnorePatterns: ['/node_modules/(?!(jose|oidc-provider)/)'],
  testTimeout: 30_000,
};

export default config;
