/** @jest-config-loader-options {"transpileOnly": true, "compilerOptions": {"module": "commonjs", "moduleResolution": "node10"}} */
import type { Config } from 'jest';

const config: Config = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{core,server,idp,importer,scripts,web,test,cli}/**/*.test.{ts,tsx}'],
  testPathIgnorePatterns: ['/node_modules/', '/web/.next/', '/web/out/', '/data/'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { transform: { react: { runtime: 'automatic' } } } }],
  },
  // jose, oidc-provider, openid-client and oauth4webapi ship ESM only: swc turns them into
  // CommonJS for Jest.
  transformIgnorePatterns: ['/node_modules/(?!(jose|oidc-provider|openid-client|oauth4webapi)/)'],
  testTimeout: 30_000,
};

export default config;
