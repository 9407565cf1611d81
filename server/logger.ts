import pino, { type Logger } from 'pino';

/**
 * JSON logs. The Authorization header is never logged: the request logger records method, path,
 * status and time only; `redact` is a second guard for anything that passes a headers object.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'timesheets-api' },
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', 'token'],
      censor: '[redacted]',
    },
  });
}
