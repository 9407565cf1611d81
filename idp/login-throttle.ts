/**
 * Throttles password guessing at the login form (OWASP's "login endpoint protection" with
 * rate-limiter-flexible): failed sign-ins are counted per email and IP address, and per IP
 * address alone; a successful one is not counted and clears its email's failures from that
 * address. Counters live in memory, like the sessions.
 */
import { RateLimiterMemory } from 'rate-limiter-flexible';

/** Failed sign-ins allowed for one email from one IP address per window. */
export const MAX_FAILED_LOGINS_PER_EMAIL_AND_IP = 5;
/** That window: 15 minutes. */
export const EMAIL_AND_IP_WINDOW_SECONDS = 15 * 60;
/** Failed sign-ins allowed from one IP address, whatever the email, per window. */
export const MAX_FAILED_LOGINS_PER_IP = 50;
/** That window: one hour. */
export const IP_WINDOW_SECONDS = 60 * 60;

/** Counts failed sign-ins and says when the next attempt is allowed. */
export interface LoginThrottle {
  /** Milliseconds until an attempt for `email` from `ip` is allowed again; 0: allowed now. */
  waitMs(email: string, ip: string): Promise<number>;
  recordFailure(email: string, ip: string): Promise<void>;
  recordSuccess(email: string, ip: string): Promise<void>;
}

const emailKey = (email: string, ip: string) => `${email.trim().toLowerCase()}_${ip}`;

/** A login throttle with the limits above, in memory. */
export function createLoginThrottle(): LoginThrottle {
  const byEmailAndIp = new RateLimiterMemory({
    keyPrefix: 'login_fail_email_ip',
    points: MAX_FAILED_LOGINS_PER_EMAIL_AND_IP,
    duration: EMAIL_AND_IP_WINDOW_SECONDS,
  });
  const byIp = new RateLimiterMemory({
    keyPrefix: 'login_fail_ip',
    points: MAX_FAILED_LOGINS_PER_IP,
    duration: IP_WINDOW_SECONDS,
  });
  const wait = async (limiter: RateLimiterMemory, key: string, points: number) => {
    const state = await limiter.get(key);
    return state && state.consumedPoints >= points ? state.msBeforeNext : 0;
  };
  return {
    waitMs: async (email, ip) =>
      Math.max(
        await wait(byEmailAndIp, emailKey(email, ip), MAX_FAILED_LOGINS_PER_EMAIL_AND_IP),
        await wait(byIp, ip, MAX_FAILED_LOGINS_PER_IP),
      ),
    recordFailure: async (email, ip) => {
      // Past its limit a limiter rejects the consume: the count is kept, nothing else to do.
      await Promise.allSettled([byEmailAndIp.consume(emailKey(email, ip)), byIp.consume(ip)]);
    },
    recordSuccess: async (email, ip) => {
      await byEmailAndIp.delete(emailKey(email, ip));
    },
  };
}
