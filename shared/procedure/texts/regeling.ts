/**
 * The words of the published klachtenregeling (plain Dutch, B1, and English), web/regeling.ts and
 * regeling-pdf.ts. `{placeholders}` are filled in when used.
 */
export const REGELING_TEXTS = {
  'regeling.title': { nl: 'Klachtenregeling', en: 'Complaints procedure' },
  'regeling.intro': {
    nl: 'Hier leest u hoe {organisation} met klachten omgaat: waar u een klacht indient, wie uw klacht behandelt, hoe lang dat mag duren en waar u daarna terecht kunt.',
    en: 'This is how {organisation} handles complaints: where to file a complaint, who handles it, how long that may take and where you can go next.',
  },
  'regeling.sameAsSystem': {
    nl: 'Deze tekst is gemaakt uit hetzelfde procedurebestand waarmee ons klachtensysteem werkt. Wat hier staat, is dus wat er met uw klacht gebeurt.',
    en: 'This text is made from the same procedure file that runs our complaints system. So what you read here is what happens to your complaint.',
  },
  'regeling.defaultLegend': {
    nl: 'Staat bij een termijn "wettelijke standaardtermijn"? Dan noemt onze eigen regeling geen termijn, en geldt de termijn uit de wet.',
    en: 'Does a term say "statutory default term"? Then our own procedure names no term, and the term from the law applies.',
  },
  'regeling.defaultMark': { nl: 'wettelijke standaardtermijn', en: 'statutory default term' },
  'regeling.basisMark': { nl: 'bron: {basis}', en: 'source: {basis}' },

  'regeling.contactHeading': { nl: 'Wie wij zijn en hoe u ons bereikt', en: 'Who we are and how to reach us' },
  'regeling.email': { nl: 'E-mail', en: 'E-mail' },
  'regeling.phone': { nl: 'Telefoon', en: 'Phone' },
  'regeling.address': { nl: 'Adres', en: 'Address' },
  'regeling.website': { nl: 'Website', en: 'Website' },

  'regeling.whoHeading': { nl: 'Wie een klacht kan indienen, en hoe', en: 'Who can complain, and how' },
  'regeling.who': {
    nl: 'Bent u niet tevreden over hoe {organisation} of een van onze medewerkers met u is omgegaan? Dan kunt u een klacht indienen. U kunt dat doen:',
    en: 'Are you not satisfied with how {organisation} or one of our staff treated you? Then you can file a complaint. You can do this:',
  },
  'regeling.anonymousYes': {
    nl: 'U mag anoniem klagen. Wilt u antwoord van ons? Geef dan uw e-mailadres.',
    en: 'You may complain anonymously. If you want an answer from us, give your e-mail address.',
  },
  'regeling.anonymousNo': {
    nl: 'Wij nemen geen anonieme klachten in behandeling. Vermeld daarom uw naam.',
    en: 'We do not handle anonymous complaints. Please give your name.',
  },
  'regeling.window': {
    nl: 'Dien uw klacht in binnen {length} na de gebeurtenis.',
    en: 'File your complaint within {length} after the event.',
  },
  'regeling.lateRefuse': {
    nl: 'Komt uw klacht later? Dan kunnen wij haar niet in behandeling nemen. U krijgt dan uitleg waarom.',
    en: 'If your complaint comes later, we cannot handle it. We will tell you why.',
  },
  'regeling.lateReview': {
    nl: 'Komt uw klacht later? Dan bekijken wij eerst of wij haar toch in behandeling nemen. Dat laten wij u weten.',
    en: 'If your complaint comes later, we first decide whether we can still handle it. We will let you know.',
  },
  'regeling.excluded': { nl: 'Waarover u hier niet kunt klagen:', en: 'What this procedure does not cover:' },
  'regeling.receipt': {
    nl: 'U krijgt direct een ontvangstbevestiging per e-mail, met een kenmerk en een persoonlijke link waarmee u uw klacht kunt volgen.',
    en: 'You get a receipt by e-mail straight away, with a reference and a private link to follow your complaint.',
  },

  'regeling.stagesHeading': { nl: 'Wat er met uw klacht gebeurt', en: 'What happens to your complaint' },
  'regeling.stagesIntro': {
    nl: 'Uw klacht gaat door een of meer stappen. Bij elke stap staat wie uw klacht behandelt en hoe lang dat mag duren.',
    en: 'Your complaint goes through one or more steps. Each step says who handles your complaint and how long it may take.',
  },
  'regeling.stageHeading': { nl: 'Stap {n}: {name}', en: 'Step {n}: {name}' },
  'regeling.firstStage': { nl: 'Uw klacht begint hier.', en: 'Your complaint starts here.' },
  'regeling.route': { nl: 'Kiest u bij "{field}" voor "{value}"? Dan begint uw klacht bij deze stap.', en: 'If you choose "{value}" for "{field}", your complaint starts at this step.' },
  'regeling.handler': { nl: 'Wie behandelt uw klacht: {role}.', en: 'Who handles your complaint: {role}.' },
  'regeling.kindMediation': {
    nl: 'In deze stap proberen wij samen met u en de betrokkene tot een oplossing te komen.',
    en: 'In this step we try to find a solution together with you and the person concerned.',
  },
  'regeling.kindAdvice': {
    nl: 'In deze stap geeft {stage} een advies. Daarna beslist {next}.',
    en: 'In this step {stage} gives advice. Then {next} decides.',
  },
  'regeling.adviceDecides': { nl: '{stage} mag ook zelf een bindende uitspraak doen.', en: '{stage} may also give a binding ruling itself.' },
  'regeling.informConcerned': {
    nl: 'De persoon over wie u klaagt krijgt een kopie van uw klacht en mag daarop reageren (Awb 9:9).',
    en: 'The person you complain about gets a copy of your complaint and may respond to it (Awb 9:9).',
  },
  'regeling.signatures': {
    nl: 'Van een gesprek maken wij een verslag. Iedereen die bij het gesprek was, ondertekent het.',
    en: 'We write a record of a conversation. Everyone who was there signs it.',
  },
  'regeling.keepInformed': {
    nl: 'U krijgt bericht van elke stap in deze fase.',
    en: 'You are told about every step in this stage.',
  },
  'regeling.termsHeading': { nl: 'Termijnen', en: 'Terms' },
  'regeling.noTerms': { nl: 'Voor deze stap geldt geen vaste termijn.', en: 'This step has no fixed term.' },
  'regeling.term': { nl: '{label}: binnen {length} {moment}.', en: '{label}: within {length} {moment}.' },
  'regeling.extendable': { nl: 'Deze termijn kan worden verlengd (zie "Verlenging").', en: 'This term can be extended (see "Extension").' },
  'regeling.onExpiry': { nl: 'Is de termijn voorbij?', en: 'Has the term passed?' },
  'regeling.outcomes': { nl: 'Mogelijke uitkomsten: {outcomes}.', en: 'Possible outcomes: {outcomes}.' },
  'regeling.escalateTo': {
    nl: 'Een medewerker kan uw klacht doorsturen naar {stages}.',
    en: 'A member of staff can pass your complaint on to {stages}.',
  },
  'regeling.appeal': {
    nl: 'Niet tevreden met de uitkomst? Dan kunt u binnen {length} na verzending van het besluit verder naar {stage}: {label}.',
    en: 'Not satisfied with the outcome? Then within {length} after the decision is sent you can go on to {stage}: {label}.',
  },
  'regeling.appealAfter': { nl: 'Dit kan als de uitkomst is: {outcomes}.', en: 'This is possible if the outcome is: {outcomes}.' },
  'regeling.appealMotivation': { nl: 'Schrijf erbij waarom u het niet eens bent.', en: 'Say why you disagree.' },
  'regeling.appealUnused': {
    nl: 'Gaat u niet verder binnen deze termijn? Dan sluiten wij uw klacht af.',
    en: 'If you do not go on within this term, we close your complaint.',
  },
  'regeling.nextBodyAfterStage': { nl: 'Daarna kunt u terecht bij {body} (zie "Daarna").', en: 'After that you can go to {body} (see "After that").' },

  'regeling.diagramHeading': { nl: 'Schema van de procedure', en: 'Diagram of the procedure' },
  'regeling.diagramCaption': {
    nl: 'De stappen en termijnen van de tekst hierboven in één schema.',
    en: 'The steps and terms of the text above in one diagram (labels in Dutch).',
  },
  'regeling.diagramLabel': { nl: 'Schema van de klachtenprocedure', en: 'Diagram of the complaints procedure' },

  'regeling.extensionHeading': { nl: 'Verlenging', en: 'Extension' },
  'regeling.extension': {
    nl: 'Lukt het ons niet binnen de termijn? Dan kunnen wij een termijn verlengen met ten hoogste {max}. Wij laten u dat vooraf weten, met de reden.',
    en: 'If we cannot finish within the term, we can extend a term by {max} at most. We tell you beforehand, with the reason.',
  },
  'regeling.extensionConsent': {
    nl: 'Zonder uw schriftelijke toestemming verlengen wij ten hoogste {times}.',
    en: 'Without your written consent we extend at most {times}.',
  },
  'regeling.extensionOnlyWithConsent': {
    nl: 'Wij verlengen alleen met uw schriftelijke toestemming.',
    en: 'We only extend with your written consent.',
  },
  'regeling.extensionNone': { nl: 'Wij verlengen geen termijnen.', en: 'We do not extend terms.' },

  'regeling.nextBodiesHeading': { nl: 'Daarna: waar u verder terecht kunt', en: 'After that: where else you can go' },
  'regeling.nextBodiesNone': {
    nl: 'Bent u na de laatste stap niet tevreden? Neem dan contact met ons op; wij vertellen u waar u terecht kunt.',
    en: 'If you are not satisfied after the last step, contact us and we will tell you where to go.',
  },
  'regeling.contact': { nl: 'Contact: {contact}', en: 'Contact: {contact}' },

  'regeling.retentionHeading': { nl: 'Bewaren en privacy', en: 'Keeping your data, and privacy' },
  'regeling.retention': {
    nl: 'Wij bewaren uw klacht en alles wat erbij hoort tot {length} na het afsluiten. Daarna verwijderen wij het.',
    en: 'We keep your complaint and everything that belongs to it until {length} after it is closed. Then we delete it.',
  },
  'regeling.privacy': { nl: 'Lees onze privacyverklaring', en: 'Read our privacy statement' },
  'regeling.reports': {
    nl: 'Wij houden een register bij van klachten, zonder namen. Daaruit maken wij: {reports}.',
    en: 'We keep a register of complaints, without names. From it we make: {reports}.',
  },
  'regeling.source': { nl: 'Gebaseerd op: {source}.', en: 'Based on: {source}.' },
  'regeling.pdfDiagram': {
    nl: 'Het schema van de procedure staat op de website bij de klachtenregeling.',
    en: 'The diagram of the procedure is on the website with the complaints procedure.',
  },
  'regeling.formLink': { nl: 'Lees de volledige klachtenregeling', en: 'Read the full complaints procedure' },

  // "na ontvangst van de klacht": the moment a term is counted from.
  'regeling.moment.received': { nl: 'na ontvangst van de klacht', en: 'after the complaint is received' },
  'regeling.moment.acknowledged': { nl: 'na de bevestiging dat wij de klacht behandelen', en: 'after we confirm that we handle the complaint' },
  'regeling.moment.stageStarted': { nl: 'na het begin van deze stap', en: 'after this step starts' },
  'regeling.moment.responseRequested': { nl: 'na het verzoek om een reactie', en: 'after a response is requested' },
  'regeling.moment.decisionSent': { nl: 'na verzending van het besluit', en: 'after the decision is sent' },

  // How a complaint can come in.
  'regeling.channel.web': { nl: 'met het klachtformulier op onze website', en: 'with the complaint form on our website' },
  'regeling.channel.email': { nl: 'per e-mail aan {email}', en: 'by e-mail to {email}' },
  'regeling.channel.phone': { nl: 'telefonisch{phone}', en: 'by phone{phone}' },
  'regeling.channel.in-person': { nl: 'in een gesprek met een van onze medewerkers', en: 'in person, with one of our staff' },
  'regeling.channel.letter': { nl: 'per brief{address}', en: 'by letter{address}' },

  // What happens when a term passes unmet.
  'regeling.expiry.escalate': { nl: 'Dan gaat uw klacht naar {stage}.', en: 'Then your complaint goes to {stage}.' },
  'regeling.expiry.notify-complainant': {
    nl: 'Dan krijgt u bericht dat de termijn voorbij is, met de reden en wanneer u een reactie krijgt.',
    en: 'Then you are told that the term has passed, why, and when you will get a response.',
  },
  'regeling.expiry.close': { nl: 'Dan sluiten wij uw klacht af.', en: 'Then we close your complaint.' },

  // How often a report is made (also on the reports page).
  'every.month': { nl: 'elke maand', en: 'every month' },
  'every.quarter': { nl: 'elk kwartaal', en: 'every quarter' },
  'every.year': { nl: 'elk jaar', en: 'every year' },

  'regeling.or': { nl: 'of', en: 'or' },
  'regeling.and': { nl: 'en', en: 'and' },
  'regeling.toAddress': { nl: ' aan {address}', en: ' to {address}' },
  'regeling.times.1': { nl: '1 keer', en: 'once' },
  'regeling.times.2': { nl: '2 keer', en: 'twice' },
  'regeling.times': { nl: '{n} keer', en: '{n} times' },
  'regeling.locale': { nl: 'nl-NL', en: 'en-GB' },
} as const satisfies Record<string, { nl: string; en: string }>;
