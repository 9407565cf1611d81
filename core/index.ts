export * from './api';
export * from './claims';
export * from './dates';
export * from './people';
export * from './scopes';
export * from './text';
export * from './timesheet-rules';
export * from './work-week';
