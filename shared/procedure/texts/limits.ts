/** Texts of the rate limits and the bot check (shared/http/public-routes.ts, staff-routes.ts, infra/local). */
export const LIMIT_TEXTS = {
  'limits.waitSeconds': { nl: 'een minuut', en: 'a minute' },
  'limits.waitMinutes': { nl: '{minutes} minuten', en: '{minutes} minutes' },
  'limits.intakePerClient': {
    nl: 'Er zijn vanaf uw internetadres in korte tijd veel klachten verstuurd. Verstuur uw klacht over {wait} opnieuw, of mail haar naar {email}.',
    en: 'Many complaints were sent from your internet address in a short time. Send your complaint again in {wait}, or e-mail it to {email}.',
  },
  'limits.intakeBusy': {
    nl: 'Er komen nu veel klachten tegelijk binnen. Verstuur uw klacht over {wait} opnieuw, of mail haar naar {email}.',
    en: 'Many complaints are arriving at once. Send your complaint again in {wait}, or e-mail it to {email}.',
  },
  'limits.busy': { nl: 'Het is nu erg druk. Probeer het over {wait} opnieuw.', en: 'It is very busy right now. Try again in {wait}.' },
  'limits.signIn': {
    nl: 'Er zijn te veel inloglinks gevraagd. Vraag over {wait} een nieuwe aan, of gebruik de laatste link uit uw e-mail.',
    en: 'Too many sign-in links were asked for. Ask for a new one in {wait}, or use the latest link in your e-mail.',
  },
} as const;
