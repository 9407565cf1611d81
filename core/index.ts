export * from './dates';
export * from './scopes';
export * from './timesheet-rules';
