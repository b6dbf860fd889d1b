/**
 * The words of the published klachtenregeling (plain Dutch, B1, and English). Kept apart from the
 * mail and page catalogue (shared/procedure/texts.ts) until the two are folded together;
 * `{placeholders}` are filled with `fill` from shared/procedure/text.ts.
 */
import type { Channel, Moment, TermAction } from '../procedure/schema.ts';

type Words = { nl: string; en: string };

export const REGELING_TEXTS = {
  title: { nl: 'Klachtenregeling', en: 'Complaints procedure' },
  intro: {
    nl: 'Hier leest u hoe {organisation} met klachten omgaat: waar u een klacht indient, wie uw klacht behandelt, hoe lang dat mag duren en waar u daarna terecht kunt.',
    en: 'This is how {organisation} handles complaints: where to file a complaint, who handles it, how long that may take and where you can go next.',
  },
  sameAsSystem: {
    nl: 'Deze tekst is gemaakt uit hetzelfde procedurebestand waarmee ons klachtensysteem werkt. Wat hier staat, is dus wat er met uw klacht gebeurt.',
    en: 'This text is made from the same procedure file that runs our complaints system. So what you read here is what happens to your complaint.',
  },
  defaultLegend: {
    nl: 'Staat bij een termijn "wettelijke standaardtermijn"? Dan noemt onze eigen regeling geen termijn, en geldt de termijn uit de wet.',
    en: 'Does a term say "statutory default term"? Then our own procedure names no term, and the term from the law applies.',
  },
  defaultMark: { nl: 'wettelijke standaardtermijn', en: 'statutory default term' },
  basisMark: { nl: 'bron: {basis}', en: 'source: {basis}' },

  contactHeading: { nl: 'Wie wij zijn en hoe u ons bereikt', en: 'Who we are and how to reach us' },
  email: { nl: 'E-mail', en: 'E-mail' },
  phone: { nl: 'Telefoon', en: 'Phone' },
  address: { nl: 'Adres', en: 'Address' },
  website: { nl: 'Website', en: 'Website' },

  whoHeading: { nl: 'Wie een klacht kan indienen, en hoe', en: 'Who can complain, and how' },
  who: {
    nl: 'Bent u niet tevreden over hoe {organisation} of een van onze medewerkers met u is omgegaan? Dan kunt u een klacht indienen. U kunt dat doen:',
    en: 'Are you not satisfied with how {organisation} or one of our staff treated you? Then you can file a complaint. You can do this:',
  },
  anonymousYes: {
    nl: 'U mag anoniem klagen. Wilt u antwoord van ons? Geef dan uw e-mailadres.',
    en: 'You may complain anonymously. If you want an answer from us, give your e-mail address.',
  },
  anonymousNo: {
    nl: 'Wij nemen geen anonieme klachten in behandeling. Vermeld daarom uw naam.',
    en: 'We do not handle anonymous complaints. Please give your name.',
  },
  window: {
    nl: 'Dien uw klacht in binnen {length} na de gebeurtenis.',
    en: 'File your complaint within {length} after the event.',
  },
  lateRefuse: {
    nl: 'Komt uw klacht later? Dan kunnen wij haar niet in behandeling nemen. U krijgt dan uitleg waarom.',
    en: 'If your complaint comes later, we cannot handle it. We will tell you why.',
  },
  lateReview: {
    nl: 'Komt uw klacht later? Dan bekijken wij eerst of wij haar toch in behandeling nemen. Dat laten wij u weten.',
    en: 'If your complaint comes later, we first decide whether we can still handle it. We will let you know.',
  },
  excluded: { nl: 'Waarover u hier niet kunt klagen:', en: 'What this procedure does not cover:' },
  receipt: {
    nl: 'U krijgt direct een ontvangstbevestiging per e-mail, met een kenmerk en een persoonlijke link waarmee u uw klacht kunt volgen.',
    en: 'You get a receipt by e-mail straight away, with a reference and a private link to follow your complaint.',
  },

  stagesHeading: { nl: 'Wat er met uw klacht gebeurt', en: 'What happens to your complaint' },
  stagesIntro: {
    nl: 'Uw klacht gaat door een of meer stappen. Bij elke stap staat wie uw klacht behandelt en hoe lang dat mag duren.',
    en: 'Your complaint goes through one or more steps. Each step says who handles your complaint and how long it may take.',
  },
  stageHeading: { nl: 'Stap {n}: {name}', en: 'Step {n}: {name}' },
  firstStage: { nl: 'Uw klacht begint hier.', en: 'Your complaint starts here.' },
  route: { nl: 'Kiest u bij "{field}" voor "{value}"? Dan begint uw klacht bij deze stap.', en: 'If you choose "{value}" for "{field}", your complaint starts at this step.' },
  handler: { nl: 'Wie behandelt uw klacht: {role}.', en: 'Who handles your complaint: {role}.' },
  kindMediation: {
    nl: 'In deze stap proberen wij samen met u en de betrokkene tot een oplossing te komen.',
    en: 'In this step we try to find a solution together with you and the person concerned.',
  },
  kindAdvice: {
    nl: 'In deze stap geeft {stage} een advies. Daarna beslist {next}.',
    en: 'In this step {stage} gives advice. Then {next} decides.',
  },
  adviceDecides: { nl: '{stage} mag ook zelf een bindende uitspraak doen.', en: '{stage} may also give a binding ruling itself.' },
  informConcerned: {
    nl: 'De persoon over wie u klaagt krijgt een kopie van uw klacht en mag daarop reageren (Awb 9:9).',
    en: 'The person you complain about gets a copy of your complaint and may respond to it (Awb 9:9).',
  },
  signatures: {
    nl: 'Van een gesprek maken wij een verslag. Iedereen die bij het gesprek was, ondertekent het.',
    en: 'We write a record of a conversation. Everyone who was there signs it.',
  },
  keepInformed: {
    nl: 'U krijgt bericht van elke stap in deze fase.',
    en: 'You are told about every step in this stage.',
  },
  termsHeading: { nl: 'Termijnen', en: 'Terms' },
  noTerms: { nl: 'Voor deze stap geldt geen vaste termijn.', en: 'This step has no fixed term.' },
  term: { nl: '{label}: binnen {length} {moment}.', en: '{label}: within {length} {moment}.' },
  extendable: { nl: 'Deze termijn kan worden verlengd (zie "Verlenging").', en: 'This term can be extended (see "Extension").' },
  onExpiry: { nl: 'Is de termijn voorbij?', en: 'Has the term passed?' },
  outcomes: { nl: 'Mogelijke uitkomsten: {outcomes}.', en: 'Possible outcomes: {outcomes}.' },
  escalateTo: {
    nl: 'Een medewerker kan uw klacht doorsturen naar {stages}.',
    en: 'A member of staff can pass your complaint on to {stages}.',
  },
  appeal: {
    nl: 'Niet tevreden met de uitkomst? Dan kunt u binnen {length} na verzending van het besluit verder naar {stage}: {label}.',
    en: 'Not satisfied with the outcome? Then within {length} after the decision is sent you can go on to {stage}: {label}.',
  },
  appealAfter: { nl: 'Dit kan als de uitkomst is: {outcomes}.', en: 'This is possible if the outcome is: {outcomes}.' },
  appealMotivation: { nl: 'Schrijf erbij waarom u het niet eens bent.', en: 'Say why you disagree.' },
  appealUnused: {
    nl: 'Gaat u niet verder binnen deze termijn? Dan sluiten wij uw klacht af.',
    en: 'If you do not go on within this term, we close your complaint.',
  },
  nextBodyAfterStage: { nl: 'Daarna kunt u terecht bij {body} (zie "Daarna").', en: 'After that you can go to {body} (see "After that").' },

  diagramHeading: { nl: 'Schema van de procedure', en: 'Diagram of the procedure' },
  diagramCaption: {
    nl: 'De stappen en termijnen van de tekst hierboven in één schema.',
    en: 'The steps and terms of the text above in one diagram (labels in Dutch).',
  },
  diagramLabel: { nl: 'Schema van de klachtenprocedure', en: 'Diagram of the complaints procedure' },

  extensionHeading: { nl: 'Verlenging', en: 'Extension' },
  extension: {
    nl: 'Lukt het ons niet binnen de termijn? Dan kunnen wij een termijn verlengen met ten hoogste {max}. Wij laten u dat vooraf weten, met de reden.',
    en: 'If we cannot finish within the term, we can extend a term by {max} at most. We tell you beforehand, with the reason.',
  },
  extensionConsent: {
    nl: 'Zonder uw schriftelijke toestemming verlengen wij ten hoogste {times}.',
    en: 'Without your written consent we extend at most {times}.',
  },
  extensionOnlyWithConsent: {
    nl: 'Wij verlengen alleen met uw schriftelijke toestemming.',
    en: 'We only extend with your written consent.',
  },
  extensionNone: { nl: 'Wij verlengen geen termijnen.', en: 'We do not extend terms.' },

  nextBodiesHeading: { nl: 'Daarna: waar u verder terecht kunt', en: 'After that: where else you can go' },
  nextBodiesNone: {
    nl: 'Bent u na de laatste stap niet tevreden? Neem dan contact met ons op; wij vertellen u waar u terecht kunt.',
    en: 'If you are not satisfied after the last step, contact us and we will tell you where to go.',
  },
  contact: { nl: 'Contact: {contact}', en: 'Contact: {contact}' },

  retentionHeading: { nl: 'Bewaren en privacy', en: 'Keeping your data, and privacy' },
  retention: {
    nl: 'Wij bewaren uw klacht en alles wat erbij hoort tot {length} na het afsluiten. Daarna verwijderen wij het.',
    en: 'We keep your complaint and everything that belongs to it until {length} after it is closed. Then we delete it.',
  },
  privacy: { nl: 'Lees onze privacyverklaring', en: 'Read our privacy statement' },
  reports: {
    nl: 'Wij houden een register bij van klachten, zonder namen. Daaruit maken wij: {reports}.',
    en: 'We keep a register of complaints, without names. From it we make: {reports}.',
  },
  source: { nl: 'Gebaseerd op: {source}.', en: 'Based on: {source}.' },
  pdfDiagram: {
    nl: 'Het schema van de procedure staat op de website bij de klachtenregeling.',
    en: 'The diagram of the procedure is on the website with the complaints procedure.',
  },
  formLink: { nl: 'Lees de volledige klachtenregeling', en: 'Read the full complaints procedure' },
} as const satisfies Record<string, Words>;

export type RegelingTextKey = keyof typeof REGELING_TEXTS;

/** "na ontvangst van de klacht": the moment a term is counted from. */
export const MOMENT_WORDS: Record<Moment, Words> = {
  received: { nl: 'na ontvangst van de klacht', en: 'after the complaint is received' },
  acknowledged: { nl: 'na de bevestiging dat wij de klacht behandelen', en: 'after we confirm that we handle the complaint' },
  stageStarted: { nl: 'na het begin van deze stap', en: 'after this step starts' },
  responseRequested: { nl: 'na het verzoek om een reactie', en: 'after a response is requested' },
  decisionSent: { nl: 'na verzending van het besluit', en: 'after the decision is sent' },
};

/** How a complaint can come in. */
export const CHANNEL_WORDS: Record<Channel, Words> = {
  web: { nl: 'met het klachtformulier op onze website', en: 'with the complaint form on our website' },
  email: { nl: 'per e-mail aan {email}', en: 'by e-mail to {email}' },
  phone: { nl: 'telefonisch{phone}', en: 'by phone{phone}' },
  'in-person': { nl: 'in een gesprek met een van onze medewerkers', en: 'in person, with one of our staff' },
  letter: { nl: 'per brief{address}', en: 'by letter{address}' },
};

/** What happens when a term passes unmet. */
export const EXPIRY_WORDS: Record<TermAction['do'], Words> = {
  escalate: { nl: 'Dan gaat uw klacht naar {stage}.', en: 'Then your complaint goes to {stage}.' },
  'notify-complainant': {
    nl: 'Dan krijgt u bericht dat de termijn voorbij is, met de reden en wanneer u een reactie krijgt.',
    en: 'Then you are told that the term has passed, why, and when you will get a response.',
  },
  close: { nl: 'Dan sluiten wij uw klacht af.', en: 'Then we close your complaint.' },
};

export const REPORT_EVERY_WORDS: Record<'month' | 'quarter' | 'year', Words> = {
  month: { nl: 'elke maand', en: 'every month' },
  quarter: { nl: 'elk kwartaal', en: 'every quarter' },
  year: { nl: 'elk jaar', en: 'every year' },
};
