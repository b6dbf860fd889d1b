/**
 * Texts of requests that count from their arrival: the late-request refusal, the checks of the
 * arrival time staff enter, the reopened case on the timeline, and the status page's
 * "Niet tevreden?" form (web/appeal-form.ts).
 */
export const ARRIVAL_TEXTS = {
  'refusal.request-late': {
    nl: 'Het verzoek kwam binnen op {receivedOn}. Verder gaan met de klacht kon tot en met {lastDay}. Daarom kan het verzoek niet meer worden behandeld.',
    en: 'The request arrived on {receivedOn}. The complaint could be taken further up to and including {lastDay}. The request can therefore no longer be handled.',
  },
  'refusal.received-at': { nl: 'Controleer wanneer het verzoek binnenkwam.', en: 'Check when the request arrived.' },
  'field.received-at-invalid': { nl: 'Vul een datum in (jjjj-mm-dd), of een datum en tijd.', en: 'Enter a date (yyyy-mm-dd), or a date and time.' },
  'field.received-at-future': { nl: 'Dit moment ligt in de toekomst. Vul in wanneer het verzoek binnenkwam.', en: 'This moment is in the future. Enter when the request arrived.' },
  'field.received-at-before-case': { nl: 'Dit moment ligt voor de ontvangst van de klacht. Vul in wanneer het verzoek binnenkwam.', en: 'This moment is before the complaint was received. Enter when the request arrived.' },
  'timeline.reopened': {
    nl: 'Uw verzoek van {receivedOn} kwam op tijd binnen (uiterlijk {lastDay}). De klacht is daarom weer geopend.', je: 'Je verzoek van {receivedOn} kwam op tijd binnen (uiterlijk {lastDay}). De klacht is daarom weer geopend.',
    en: 'Your request of {receivedOn} arrived in time (by {lastDay}). The complaint was therefore opened again.',
  },
  'appealForm.intro': {
    nl: 'Wilt u verder met uw klacht? Schrijf hieronder waarom u niet tevreden bent. Stuur dit uiterlijk {date}.', je: 'Wil je verder met je klacht? Schrijf hieronder waarom je niet tevreden bent. Stuur dit uiterlijk {date}.',
    en: 'Do you want to take your complaint further? Write below why you are not satisfied. Send this by {date} at the latest.',
  },
  'appealForm.reason': { nl: 'Waarom bent u niet tevreden?', je: 'Waarom ben je niet tevreden?', en: 'Why are you not satisfied?' },
  'appealForm.submit': { nl: 'Verstuur', en: 'Send' },
  // ---- The staff case page: a request entered with when it arrived (web/request-arrival.ts). ----
  'requestArrival.heading': { nl: 'Verzoek van de klager dat eerder binnenkwam', en: 'A request from the complainant that arrived earlier' },
  'requestArrival.intro': {
    nl: 'Een verzoek telt vanaf het moment dat het binnenkwam, ook als u het later vastlegt. Kies de e-mail waarin het stond, of vul in wanneer de brief of het telefoontje binnenkwam.',
    en: 'A request counts from the moment it arrived, even if you record it later. Choose the e-mail it was in, or enter when the letter or call came in.',
  },
  'requestArrival.message': { nl: 'E-mail van de klager', en: "The complainant's e-mail" },
  'requestArrival.noMessage': { nl: 'Geen e-mail (brief of telefoon)', en: 'No e-mail (letter or phone)' },
  'requestArrival.when': { nl: 'Binnengekomen op (datum en tijd)', en: 'Arrived on (date and time)' },
  'requestArrival.whenHint': { nl: 'Leeg bij een gekozen e-mail. Zonder datum telt het verzoek vanaf nu.', en: 'Leave empty when you chose an e-mail. Without a date the request counts from now.' },
  'requestArrival.reason': { nl: 'Wat vraagt de klager, en waarom?', en: 'What does the complainant ask, and why?' },
  'requestArrival.escalate': { nl: 'Niet tevreden: verder naar de volgende fase', en: 'Not satisfied: on to the next stage' },
  'requestArrival.escalateButton': { nl: 'Doorzetten', en: 'Pass on' },
  'requestArrival.withdraw': { nl: 'De klager trekt de klacht in', en: 'The complainant withdraws the complaint' },
  'requestArrival.withdrawButton': { nl: 'Intrekking vastleggen', en: 'Record the withdrawal' },
  'dossier.arrived': { nl: ' (binnengekomen {at})', en: ' (arrived {at})' },
  'dossier.reopened': { nl: 'Heropend: het verzoek kwam op tijd binnen', en: 'Reopened: the request arrived in time' },
} as const satisfies Record<string, { nl: string; en: string; je?: string }>;
