export * from './api';
export * from './claims';
export * from './dates';
export * from './people';
export * from './scopes';
export * from './timesheet-rules';
