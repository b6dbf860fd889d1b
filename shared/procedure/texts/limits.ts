/** Texts of the rate limits and the bot check (shared/http/public-routes.ts, staff-routes.ts, infra/local). */
export const LIMIT_TEXTS = {
  'limits.waitSeconds': { nl: 'een minuut', en: 'a minute' },
  'limits.waitMinutes': { nl: '{minutes} minuten', en: '{minutes} minutes' },
  'limits.intakePerClient': {
    nl: 'Er zijn vanaf uw internetadres in korte tijd veel klachten verstuurd. Verstuur uw klacht over {wait} opnieuw, of mail haar naar {email}.', je: 'Er zijn vanaf je internetadres in korte tijd veel klachten verstuurd. Verstuur je klacht over {wait} opnieuw, of mail haar naar {email}.',
    en: 'Many complaints were sent from your internet address in a short time. Send your complaint again in {wait}, or e-mail it to {email}.',
  },
  'limits.intakeBusy': {
    nl: 'Er komen nu veel klachten tegelijk binnen. Verstuur uw klacht over {wait} opnieuw, of mail haar naar {email}.', je: 'Er komen nu veel klachten tegelijk binnen. Verstuur je klacht over {wait} opnieuw, of mail haar naar {email}.',
    en: 'Many complaints are arriving at once. Send your complaint again in {wait}, or e-mail it to {email}.',
  },
  'limits.busy': { nl: 'Het is nu erg druk. Probeer het over {wait} opnieuw.', en: 'It is very busy right now. Try again in {wait}.' },
  'limits.signIn': {
    nl: 'Er zijn te veel inloglinks gevraagd. Vraag over {wait} een nieuwe aan, of gebruik de laatste link uit uw e-mail.',
    en: 'Too many sign-in links were asked for. Ask for a new one in {wait}, or use the latest link in your e-mail.',
  },
  'limits.formAgain': { nl: 'Controleer uw gegevens en verstuur het formulier opnieuw.', je: 'Controleer je gegevens en verstuur het formulier opnieuw.', en: 'Check your details and send the form again.' },
  'limits.formTooFast': {
    nl: 'Het formulier werd erg snel verstuurd, binnen {seconds} seconden. Controleer uw gegevens en verstuur het opnieuw.', je: 'Het formulier werd erg snel verstuurd, binnen {seconds} seconden. Controleer je gegevens en verstuur het opnieuw.',
    en: 'The form was sent very quickly, within {seconds} seconds. Check your details and send it again.',
  },
  'limits.formTokenJson': {
    nl: 'Een geldig formuliertoken ontbreekt. Haal er een op met GET /api/form-token en stuur formToken en submissionId mee; elk token geldt voor één klacht.',
    en: 'A valid form token is missing. Get one with GET /api/form-token and send formToken and submissionId along; each token serves one complaint.',
  },
} as const;
