/**
 * Every request limit of the office, in one place: the CDK stack sets API Gateway's throttles from
 * these numbers (infra/stack/service/api.ts), the local office applies the same throttles itself
 * (infra/local/throttle.ts), and the app counts per client and per address in the store
 * (shared/http/rate-limit.ts), so a limit holds across Lambda containers. Pure data: the CDK app
 * imports it without loading the SDK.
 */

/** A token bucket, as API Gateway throttles: a steady rate (requests per second) and a burst. */
export interface Bucket {
  rateLimit: number;
  burstLimit: number;
}

/** A fixed window: at most `limit` requests per key in each window of `windowS` seconds. */
export interface Window {
  limit: number;
  windowS: number;
}

export interface Limits {
  /** Every route, all clients together: API Gateway's stage default; locally the office's own bucket. */
  api: Bucket;
  /** Intake, all clients together: API Gateway's route throttle on `route`; locally the office's own bucket. */
  intake: Bucket & { route: string };
  /** Intake per client address, counted by the app in the store (every container shares the count). */
  intakePerClient: Window;
  /** Sign-in links per requested address (known or not) and per client address, counted in the store. */
  signInPerAddress: Window;
  signInPerClient: Window;
}

export const LIMITS: Limits = {
  api: { rateLimit: 20, burstLimit: 40 },
  intake: { route: 'POST /api/complaints', rateLimit: 2, burstLimit: 10 },
  // A school or an office may file several complaints from one address: ten in ten minutes is far
  // above what people do by hand and far below what a script does.
  intakePerClient: { limit: 10, windowS: 600 },
  signInPerAddress: { limit: 5, windowS: 900 },
  signInPerClient: { limit: 30, windowS: 900 },
};
