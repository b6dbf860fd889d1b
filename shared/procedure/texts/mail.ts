/** Texts of the mails to complainants, persons complained about and staff (shared/mail/compose.ts). */
export const MAIL_TEXTS = {
  'receipt.subject': {
    nl: 'Ontvangstbevestiging van uw klacht {reference}',
    en: 'We received your complaint {reference}',
    je: 'Ontvangstbevestiging van je klacht {reference}',
  },
  'receipt.intro': {
    nl: 'Wij hebben uw klacht ontvangen op {receivedDate}. Uw kenmerk is {reference}. Hieronder staat wat er nu gebeurt.',
    en: 'We received your complaint on {receivedDate}. Your reference is {reference}. Below is what happens next.',
    je: 'We hebben je klacht ontvangen op {receivedDate}. Je kenmerk is {reference}. Hieronder staat wat er nu gebeurt.',
  },
  'receipt.review': {
    nl: 'Uw klacht is binnengekomen na de termijn van de klachtenregeling. Wij beoordelen eerst of wij de klacht toch in behandeling kunnen nemen en laten u dat weten.',
    en: 'Your complaint arrived after the term of the complaints procedure. We will first assess whether we can still handle it, and let you know.',
    je: 'Je klacht is binnengekomen na de termijn van de klachtenregeling. We kijken eerst of we de klacht toch in behandeling kunnen nemen en laten je dat weten.',
  },
  'receipt.toComplete': {
    nl: 'Wij hebben uw e-mail ontvangen als klacht met kenmerk {reference}. Wilt u het klachtformulier aanvullen? Dan kunnen wij uw klacht in behandeling nemen: {completeUrl}',
    en: 'We received your e-mail as a complaint with reference {reference}. Please complete the complaint form so that we can handle it: {completeUrl}',
    je: 'We hebben je e-mail ontvangen als klacht met kenmerk {reference}. Wil je het klachtformulier aanvullen? Dan kunnen we je klacht in behandeling nemen: {completeUrl}',
  },
  'status.linkIntro': {
    nl: 'Via deze persoonlijke link ziet u steeds hoe het met uw klacht staat (deel de link niet):',
    en: 'Follow your complaint at this private link (do not share it):',
    je: 'Via deze persoonlijke link zie je steeds hoe het met je klacht staat (deel de link niet):',
  },
  'acknowledged.subject': {
    nl: 'Uw klacht {reference} is in behandeling genomen',
    en: 'Your complaint {reference} is being handled',
    je: 'Je klacht {reference} is in behandeling genomen',
  },
  'acknowledged.body': {
    nl: 'Wij bevestigen dat {handler} uw klacht in behandeling heeft genomen. U hoort uiterlijk {nextDate} van ons.',
    en: 'We confirm that {handler} has taken your complaint into handling. You will hear from us by {nextDate} at the latest.',
    je: 'We bevestigen dat {handler} je klacht in behandeling heeft genomen. Je hoort uiterlijk {nextDate} van ons.',
  },
  'concerned.subject': {
    nl: 'Er is een klacht ingediend waarbij u betrokken bent ({reference})',
    en: 'A complaint has been filed that concerns you ({reference})',
    je: 'Er is een klacht ingediend waarbij je betrokken bent ({reference})',
  },
  'concerned.body': {
    nl: 'Er is een klacht ingediend waarin uw naam of handelen wordt genoemd. Hieronder leest u de klacht. U krijgt de gelegenheid om te reageren en te worden gehoord.',
    en: 'A complaint has been filed that mentions you or your actions. The complaint is below. You will be given the opportunity to respond and to be heard.',
    je: 'Er is een klacht ingediend waarin je naam of handelen wordt genoemd. Hieronder lees je de klacht. Je krijgt de gelegenheid om te reageren en te worden gehoord.',
  },
  'response.subject': {
    nl: 'Verzoek om een reactie op klacht {reference}',
    en: 'Request for a response to complaint {reference}',
  },
  'response.body': {
    nl: 'Wij vragen u om een schriftelijke reactie op de klacht, uiterlijk {dueDate}. Vraag: {question}',
    en: 'We ask for your written response to the complaint by {dueDate}. Question: {question}',
    je: 'We vragen je om een schriftelijke reactie op de klacht, uiterlijk {dueDate}. Vraag: {question}',
  },
  'conversation.subject': {
    nl: 'Verslag van het gesprek over klacht {reference}',
    en: 'Record of the conversation about complaint {reference}',
  },
  'extension.subject': {
    nl: 'Uw klacht {reference}: de afhandeling duurt langer',
    en: 'Your complaint {reference}: handling takes longer',
    je: 'Je klacht {reference}: de afhandeling duurt langer',
  },
  'extension.body': {
    nl: 'Het spijt ons: het lukt ons niet om uw klacht binnen de termijn af te handelen. De reden: {reason}. U krijgt uiterlijk {newDate} een inhoudelijke reactie.',
    en: 'We are sorry: we cannot finish handling your complaint within the term. The reason: {reason}. You will receive our response by {newDate} at the latest.',
    je: 'Het spijt ons: het lukt ons niet om je klacht binnen de termijn af te handelen. De reden: {reason}. Je krijgt uiterlijk {newDate} een inhoudelijke reactie.',
  },
  'delay.subject': {
    nl: 'Uw klacht {reference}: de termijn is verstreken',
    en: 'Your complaint {reference}: the term has passed',
    je: 'Je klacht {reference}: de termijn is verstreken',
  },
  'delay.body': {
    nl: 'Het spijt ons: wij hebben niet op tijd op uw klacht gereageerd. De termijn "{term}" liep tot en met {dueDate}. De reden: {handler} heeft de behandeling van uw klacht nog niet kunnen afronden. U krijgt uiterlijk {newDate} een reactie. Is er daarna nog meer tijd nodig, dan vragen wij eerst uw toestemming.',
    en: 'We are sorry: we did not respond to your complaint in time. The term "{term}" ran until {dueDate}. The reason: {handler} has not yet been able to finish handling your complaint. You will receive a response by {newDate} at the latest. If more time is needed after that, we will ask for your consent first.',
    je: 'Het spijt ons: we hebben niet op tijd op je klacht gereageerd. De termijn "{term}" liep tot en met {dueDate}. De reden: {handler} heeft de behandeling van je klacht nog niet kunnen afronden. Je krijgt uiterlijk {newDate} een reactie. Is er daarna nog meer tijd nodig, dan vragen we eerst je toestemming.',
  },
  'escalated.subject': {
    nl: 'Uw klacht {reference} is doorgestuurd naar {handler}',
    en: 'Your complaint {reference} has been passed on to {handler}',
    je: 'Je klacht {reference} is doorgestuurd naar {handler}',
  },
  'escalated.body': {
    nl: 'Uw klacht wordt vanaf nu behandeld door {handler}. Reden: {reason}.',
    en: 'Your complaint is now handled by {handler}. Reason: {reason}.',
    je: 'Je klacht wordt vanaf nu behandeld door {handler}. Reden: {reason}.',
  },
  /** The reason recorded when the case moves because its handlers are complained about (Awb 9:7). */
  'escalated.conflict': {
    nl: 'de klacht gaat over wie haar in deze fase zou behandelen',
    en: 'the complaint is about who would handle it in this stage',
  },
  /** The reason recorded when a term that escalates passes (in the case file, in Dutch). */
  'escalated.termExpired': {
    nl: 'termijn "{term}" verstreken op {lastDay}',
    en: 'term "{term}" passed on {lastDay}',
  },
  'decision.subject': {
    nl: 'Uitkomst van uw klacht {reference}',
    en: 'The outcome of your complaint {reference}',
    je: 'Uitkomst van je klacht {reference}',
  },
  'decision.body': {
    nl: 'Wij hebben uw klacht behandeld. {verdict}',
    en: 'We have dealt with your complaint. {verdict}',
    je: 'We hebben je klacht behandeld. {verdict}',
  },
  'advice.subject': {
    nl: 'Advies van {stage} over klacht {reference}',
    en: 'Advice of {stage} on complaint {reference}',
  },
  'withdrawn.subject': {
    nl: 'Bevestiging: uw klacht {reference} is ingetrokken',
    en: 'Confirmation: your complaint {reference} has been withdrawn',
    je: 'Bevestiging: je klacht {reference} is ingetrokken',
  },
  'withdrawn.body': {
    nl: 'Wij bevestigen dat u uw klacht heeft ingetrokken. De behandeling is gestopt.',
    en: 'We confirm that you have withdrawn your complaint. Its handling has stopped.',
    je: 'We bevestigen dat je je klacht hebt ingetrokken. De behandeling is gestopt.',
  },
  'closed.subject': {
    nl: 'Uw klacht {reference} is afgesloten',
    en: 'Your complaint {reference} has been closed',
    je: 'Je klacht {reference} is afgesloten',
  },
  'update.subject': {
    nl: 'Voortgang van uw klacht {reference}',
    en: 'Progress of your complaint {reference}',
    je: 'Voortgang van je klacht {reference}',
  },
  'message.subject': {
    nl: 'Bericht over uw klacht {reference}',
    en: 'Message about your complaint {reference}',
    je: 'Bericht over je klacht {reference}',
  },
  'staff.withdrawn.subject': {
    nl: 'Klacht {reference} is ingetrokken',
    en: 'Complaint {reference} has been withdrawn',
  },
  'forward.cut': {
    nl: 'Eerdere berichten weggelaten. Het volledige originele bericht staat op de tijdlijn:',
    en: 'Earlier messages left out. The full original message is on the timeline:',
  },
  'forward.cutComplainant': {
    nl: 'Eerdere berichten weggelaten. Alle berichten over uw klacht ziet u via uw persoonlijke link hieronder.',
    en: 'Earlier messages left out. You can see all messages about your complaint at your private link below.',
    je: 'Eerdere berichten weggelaten. Alle berichten over je klacht zie je via je persoonlijke link hieronder.',
  },
  'forward.attachments': {
    nl: 'Bijlagen: {names}',
    en: 'Attachments: {names}',
  },
  'forward.original': { nl: 'Het originele bericht', en: 'The original message' },
  'staff.message.subject': {
    nl: 'Bericht van de klager over klacht {reference}',
    en: 'Message from the complainant about complaint {reference}',
  },
  'staff.response.subject': {
    nl: 'Reactie van de betrokkene op klacht {reference}',
    en: 'Response of the person concerned to complaint {reference}',
  },
  'staff.newCase.subject': {
    nl: 'Nieuwe klacht {reference}',
    en: 'New complaint {reference}',
  },
  'staff.reminder.subject': {
    nl: 'Herinnering: termijn "{term}" van klacht {reference} loopt af op {dueDate}',
    en: 'Reminder: term "{term}" of complaint {reference} ends on {dueDate}',
  },
  'staff.overdue.subject': {
    nl: 'Termijn verstreken: "{term}" van klacht {reference}',
    en: 'Term passed: "{term}" of complaint {reference}',
  },
  'staff.assigned.subject': {
    nl: 'Klacht {reference} is aan u toegewezen',
    en: 'Complaint {reference} has been assigned to you',
  },
  'refusal.window': {
    nl: 'Uw klacht gaat over iets van {eventDate}. Volgens de klachtenregeling van {organisation} kon u daarover een klacht indienen tot en met {lastDay}. Die termijn is voorbij. Daarom kunnen wij deze klacht niet in behandeling nemen.',
    en: 'Your complaint is about something on {eventDate}. Under the complaints procedure of {organisation} you could complain about it up to and including {lastDay}. That term has passed, so we cannot handle this complaint.',
    je: 'Je klacht gaat over iets van {eventDate}. Volgens de klachtenregeling van {organisation} kon je daarover een klacht indienen tot en met {lastDay}. Die termijn is voorbij. Daarom kunnen we deze klacht niet in behandeling nemen.',
  },
  /** Without a reason: a procedure gives its own regeling's reason under `texts:`. */
  'refusal.anonymous': {
    nl: '{organisation} neemt geen anonieme klachten in behandeling. Vul uw naam in.',
    en: '{organisation} does not handle anonymous complaints. Please fill in your name.',
    je: '{organisation} neemt geen anonieme klachten in behandeling. Vul je naam in.',
  },
  'refusal.topic': {
    nl: 'Over "{topic}" kunt u bij deze klachtenregeling geen klacht indienen.',
    en: 'The complaints procedure does not cover "{topic}".',
    je: 'Over "{topic}" kun je bij deze klachtenregeling geen klacht indienen.',
  },
  'refusal.elsewhere': {
    nl: 'Heeft u vragen? Neem contact op met {organisation}: {contact}.',
    en: 'Questions? Contact {organisation}: {contact}.',
    je: 'Heb je vragen? Neem contact op met {organisation}: {contact}.',
  },
  // ---- Parts of mails (shared/mail/compose.ts). ----
  'mail.nextSteps': { nl: 'Wat gebeurt er nu?', en: 'What happens next?' },
  'mail.handles': { nl: '{handler} behandelt uw klacht.', en: '{handler} handles your complaint.' , je: '{handler} behandelt je klacht.' },
  'mail.by': { nl: 'uiterlijk {date}', en: 'by {date}' },
  'mail.contact': { nl: 'Vragen? Neem contact op: {contact}', en: 'Questions? Contact us: {contact}' , je: 'Vragen? Neem contact op: {contact}' },
  'mail.openComplaint': { nl: 'Open de klacht', en: 'Open the complaint' },
  'mail.yourComplaint': { nl: 'Uw klacht', en: 'Your complaint' , je: 'Je klacht' },
  'mail.theComplaint': { nl: 'De klacht', en: 'The complaint' },
  'mail.reasons': { nl: 'Motivering', en: 'Reasons' },
  'mail.measures': { nl: 'Maatregelen', en: 'Measures' },
  'mail.recommendation': { nl: 'Aanbeveling', en: 'Recommendation' },
  'mail.withReasons': { nl: ', met uw motivatie', en: ', with your reasons' , je: ', met je motivatie' },
  'mail.replyToAppeal': { nl: 'U kunt daarvoor op deze e-mail antwoorden.', en: 'You can reply to this e-mail to do so.' , je: 'Je kunt daarvoor op deze e-mail antwoorden.' },
  'appeal.letUsKnow': { nl: 'laat het ons uiterlijk {date} weten', en: 'let us know by {date} at the latest' , je: 'laat het ons uiterlijk {date} weten' },
  'conversation.body': { nl: 'Op {date} is over uw klacht gesproken. Het verslag is vastgelegd in het dossier; u kunt het inzien via uw persoonlijke link.', en: 'On {date} your complaint was discussed. The record is kept in the file; you can read it through your private link.' , je: 'Op {date} is over je klacht gesproken. Het verslag is vastgelegd in het dossier; je kunt het lezen via je persoonlijke link.' },
  'advice.body': { nl: 'Het advies: {outcome}.', en: 'The advice: {outcome}.' },
  'message.replyHint': { nl: 'U kunt op deze e-mail antwoorden.', en: 'You can reply to this e-mail.' , je: 'Je kunt op deze e-mail antwoorden.' },
  'staff.newCase.body': { nl: 'Er is een klacht binnengekomen via {channel} voor {stage}.', en: 'A complaint came in through {channel} for {stage}.' },
  'staff.newCase.late': { nl: 'Let op: de klacht kwam na de termijn binnen; beslis over de ontvankelijkheid.', en: 'Note: the complaint arrived after the term; decide on admissibility.' },
  'staff.message.attachments': { nl: 'Bijlagen: {attachments}', en: 'Attachments: {attachments}' },
  'staff.message.notKept': { nl: '(niet bewaard: {reason})', en: '(not kept: {reason})' },
  'staff.message.replyHint': { nl: 'Antwoord op deze e-mail om de klager te antwoorden: uw antwoord komt op de tijdlijn en gaat namens de organisatie naar de klager; uw eigen adres blijft verborgen.', en: 'Reply to this e-mail to answer the complainant: your answer goes on the timeline and to the complainant on behalf of the organisation; your own address stays hidden.' },
  'staff.message.onTimeline': { nl: 'Dit bericht staat op de tijdlijn van de klacht.', en: 'This message is on the timeline of the complaint.' },
  'staff.withdrawn.body': { nl: 'De klager heeft de klacht ingetrokken. Reden: {reason}. De behandeling is gestopt en de termijnen zijn vervallen.', en: 'The complainant withdrew the complaint. Reason: {reason}. Its handling has stopped and its terms have lapsed.' },
  // ---- What a decision letter says about the outcome (decision.body's {verdict}). ----
  'verdict.gegrond': { nl: 'Ons oordeel: uw klacht is gegrond. Dat betekent dat u gelijk heeft.', en: 'Our finding: your complaint is well-founded. This means you are right.', je: 'Ons oordeel: je klacht is gegrond. Dat betekent dat je gelijk hebt.' },
  'verdict.deels-gegrond': { nl: 'Ons oordeel: uw klacht is deels gegrond. Dat betekent dat u voor een deel gelijk heeft.', en: 'Our finding: your complaint is partly well-founded. This means you are partly right.', je: 'Ons oordeel: je klacht is deels gegrond. Dat betekent dat je voor een deel gelijk hebt.' },
  'verdict.ongegrond': { nl: 'Ons oordeel: uw klacht is ongegrond. Dat betekent dat wij u geen gelijk geven.', en: 'Our finding: your complaint is unfounded. This means we do not agree with it.', je: 'Ons oordeel: je klacht is ongegrond. Dat betekent dat we je geen gelijk geven.' },
  'verdict.niet-ontvankelijk': { nl: 'Wij kunnen uw klacht niet inhoudelijk behandelen (niet-ontvankelijk). Hieronder leest u waarom.', en: 'We cannot deal with the substance of your complaint (inadmissible). Below you can read why.', je: 'We kunnen je klacht niet inhoudelijk behandelen (niet-ontvankelijk). Hieronder lees je waarom.' },
  'verdict.opgelost': { nl: 'Uw klacht is opgelost.', en: 'Your complaint has been resolved.', je: 'Je klacht is opgelost.' },
  'verdict.niet-opgelost': { nl: 'De bemiddeling heeft uw klacht niet opgelost.', en: 'Mediation has not resolved your complaint.', je: 'De bemiddeling heeft je klacht niet opgelost.' },
  /** An outcome the procedure file adds: its label. */
  'verdict.other': { nl: 'Ons oordeel: {outcome}.', en: 'Our finding: {outcome}.' },
  // ---- Where to go next (a stage's nextStep, Awb 9:12), in the decision letter and on the status page. ----
  'nextStep.go': { nl: 'Bent u het niet eens met deze beslissing? Dan kunt u naar {body}: {contact}.', en: 'Do you disagree with this decision? Then you can go to {body}: {contact}.', je: 'Ben je het niet eens met deze beslissing? Dan kun je naar {body}: {contact}.' },
  'nextStep.until': { nl: 'Doe dat uiterlijk {date}.', en: 'Do so by {date} at the latest.' },
  'staff.overdue.body': { nl: 'De termijn "{term}" is verstreken op {dueDate}.', en: 'The term "{term}" passed on {dueDate}.' },
} as const satisfies Record<string, { nl: string; en: string; je?: string }>;
