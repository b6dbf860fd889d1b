/** Texts of the mails to complainants, persons complained about and staff (shared/mail/compose.ts). */
export const MAIL_TEXTS = {
  'receipt.subject': {
    nl: 'Ontvangstbevestiging van uw klacht {reference}',
    en: 'We received your complaint {reference}',
  },
  'receipt.intro': {
    nl: 'Wij hebben uw klacht ontvangen op {receivedDate}. Uw kenmerk is {reference}. Hieronder staat wat er nu gebeurt.',
    en: 'We received your complaint on {receivedDate}. Your reference is {reference}. Below is what happens next.',
  },
  'receipt.review': {
    nl: 'Uw klacht is binnengekomen na de termijn van de klachtenregeling. Wij beoordelen eerst of wij de klacht toch in behandeling kunnen nemen en laten u dat weten.',
    en: 'Your complaint arrived after the term of the complaints procedure. We will first assess whether we can still handle it, and let you know.',
  },
  'receipt.toComplete': {
    nl: 'Wij hebben uw e-mail ontvangen als klacht met kenmerk {reference}. Wilt u het klachtformulier aanvullen? Dan kunnen wij uw klacht in behandeling nemen: {completeUrl}',
    en: 'We received your e-mail as a complaint with reference {reference}. Please complete the complaint form so that we can handle it: {completeUrl}',
  },
  'status.linkIntro': {
    nl: 'Via deze persoonlijke link ziet u steeds hoe het met uw klacht staat (deel de link niet):',
    en: 'Follow your complaint at this private link (do not share it):',
  },
  'acknowledged.subject': {
    nl: 'Uw klacht {reference} is in behandeling genomen',
    en: 'Your complaint {reference} is being handled',
  },
  'acknowledged.body': {
    nl: 'Wij bevestigen dat uw klacht in behandeling is genomen door {stage}. U hoort uiterlijk {nextDate} van ons.',
    en: 'We confirm that your complaint is being handled by {stage}. You will hear from us by {nextDate} at the latest.',
  },
  'concerned.subject': {
    nl: 'Er is een klacht ingediend waarbij u betrokken bent ({reference})',
    en: 'A complaint has been filed that concerns you ({reference})',
  },
  'concerned.body': {
    nl: 'Er is een klacht ingediend waarin uw naam of handelen wordt genoemd. Hieronder leest u de klacht. U krijgt de gelegenheid om te reageren en te worden gehoord.',
    en: 'A complaint has been filed that mentions you or your actions. The complaint is below. You will be given the opportunity to respond and to be heard.',
  },
  'response.subject': {
    nl: 'Verzoek om een reactie op klacht {reference}',
    en: 'Request for a response to complaint {reference}',
  },
  'response.body': {
    nl: 'Wij vragen u om een schriftelijke reactie op de klacht, uiterlijk {dueDate}. Vraag: {question}',
    en: 'We ask for your written response to the complaint by {dueDate}. Question: {question}',
  },
  'conversation.subject': {
    nl: 'Verslag van het gesprek over klacht {reference}',
    en: 'Record of the conversation about complaint {reference}',
  },
  'extension.subject': {
    nl: 'Uw klacht {reference}: de afhandeling duurt langer',
    en: 'Your complaint {reference}: handling takes longer',
  },
  'extension.body': {
    nl: 'Het lukt ons niet om uw klacht binnen de termijn af te handelen. De reden: {reason}. U ontvangt uiterlijk {newDate} een inhoudelijke reactie.',
    en: 'We cannot finish handling your complaint within the term. The reason: {reason}. You will receive our response by {newDate} at the latest.',
  },
  'delay.subject': {
    nl: 'Uw klacht {reference}: de termijn is verstreken',
    en: 'Your complaint {reference}: the term has passed',
  },
  'delay.body': {
    nl: 'De termijn "{term}" voor uw klacht is op {dueDate} verstreken. Wij laten u zo snel mogelijk weten waarom, en wanneer u een reactie kunt verwachten.',
    en: 'The term "{term}" for your complaint passed on {dueDate}. We will tell you as soon as possible why, and when you can expect a response.',
  },
  'escalated.subject': {
    nl: 'Uw klacht {reference} is doorgestuurd naar {stage}',
    en: 'Your complaint {reference} has been passed on to {stage}',
  },
  'escalated.body': {
    nl: 'Uw klacht wordt vanaf nu behandeld door {stage}. Reden: {reason}.',
    en: 'Your complaint is now handled by {stage}. Reason: {reason}.',
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
  },
  'decision.body': {
    nl: 'Wij hebben uw klacht onderzocht. Ons oordeel: {outcome}.',
    en: 'We have investigated your complaint. Our finding: {outcome}.',
  },
  'advice.subject': {
    nl: 'Advies van {stage} over klacht {reference}',
    en: 'Advice of {stage} on complaint {reference}',
  },
  'withdrawn.subject': {
    nl: 'Bevestiging: uw klacht {reference} is ingetrokken',
    en: 'Confirmation: your complaint {reference} has been withdrawn',
  },
  'withdrawn.body': {
    nl: 'Wij bevestigen dat u uw klacht heeft ingetrokken. De behandeling is gestopt.',
    en: 'We confirm that you have withdrawn your complaint. Its handling has stopped.',
  },
  'closed.subject': {
    nl: 'Uw klacht {reference} is afgesloten',
    en: 'Your complaint {reference} has been closed',
  },
  'update.subject': {
    nl: 'Voortgang van uw klacht {reference}',
    en: 'Progress of your complaint {reference}',
  },
  'message.subject': {
    nl: 'Bericht over uw klacht {reference}',
    en: 'Message about your complaint {reference}',
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
    nl: 'Uw klacht gaat over iets van {eventDate}. Volgens de klachtenregeling van {organisation} kan een klacht worden ingediend tot en met {lastDay}. Wij kunnen deze klacht daarom niet in behandeling nemen.',
    en: 'Your complaint is about something on {eventDate}. Under the complaints procedure of {organisation} a complaint can be filed up to and including {lastDay}. We therefore cannot handle this complaint.',
  },
  'refusal.anonymous': {
    nl: '{organisation} neemt geen anonieme klachten in behandeling, omdat de situatie dan onvoldoende kan worden onderzocht. Vul uw naam in.',
    en: '{organisation} does not handle anonymous complaints, because the situation cannot be investigated properly. Please fill in your name.',
  },
  'refusal.topic': {
    nl: 'Over "{topic}" kunt u bij deze klachtenregeling geen klacht indienen.',
    en: 'The complaints procedure does not cover "{topic}".',
  },
  'refusal.elsewhere': {
    nl: 'Heeft u vragen? Neem contact op met {organisation}: {contact}.',
    en: 'Questions? Contact {organisation}: {contact}.',
  },
  // ---- Parts of mails (shared/mail/compose.ts). ----
  'mail.nextSteps': { nl: 'Wat gebeurt er nu?', en: 'What happens next?' },
  'mail.handles': { nl: '{handler} behandelt uw klacht.', en: '{handler} handles your complaint.' },
  'mail.by': { nl: 'uiterlijk {date}', en: 'by {date}' },
  'mail.contact': { nl: 'Vragen? Neem contact op: {contact}', en: 'Questions? Contact us: {contact}' },
  'mail.openComplaint': { nl: 'Open de klacht', en: 'Open the complaint' },
  'mail.yourComplaint': { nl: 'Uw klacht', en: 'Your complaint' },
  'mail.theComplaint': { nl: 'De klacht', en: 'The complaint' },
  'mail.reasons': { nl: 'Motivering', en: 'Reasons' },
  'mail.measures': { nl: 'Maatregelen', en: 'Measures' },
  'mail.recommendation': { nl: 'Aanbeveling', en: 'Recommendation' },
  'mail.withReasons': { nl: ', met uw motivatie', en: ', with your reasons' },
  'mail.replyToAppeal': { nl: 'U kunt daarvoor op deze e-mail antwoorden.', en: 'You can reply to this e-mail to do so.' },
  'appeal.letUsKnow': { nl: 'laat het ons weten vóór {date}', en: 'let us know by {date}' },
  'conversation.body': { nl: 'Op {date} is over uw klacht gesproken. Het verslag is vastgelegd in het dossier; u kunt het inzien via uw persoonlijke link.', en: 'On {date} your complaint was discussed. The record is kept in the file; you can read it through your private link.' },
  'advice.body': { nl: 'Het advies: {outcome}.', en: 'The advice: {outcome}.' },
  'message.replyHint': { nl: 'U kunt op deze e-mail antwoorden.', en: 'You can reply to this e-mail.' },
  'staff.newCase.body': { nl: 'Er is een klacht binnengekomen via {channel} voor {stage}.', en: 'A complaint came in through {channel} for {stage}.' },
  'staff.newCase.late': { nl: 'Let op: de klacht kwam na de termijn binnen; beslis over de ontvankelijkheid.', en: 'Note: the complaint arrived after the term; decide on admissibility.' },
  'staff.message.attachments': { nl: 'Bijlagen: {attachments}', en: 'Attachments: {attachments}' },
  'staff.message.notKept': { nl: '(niet bewaard: {reason})', en: '(not kept: {reason})' },
  'staff.message.replyHint': { nl: 'Antwoord op deze e-mail om de klager te antwoorden: uw antwoord komt op de tijdlijn en gaat namens de organisatie naar de klager; uw eigen adres blijft verborgen.', en: 'Reply to this e-mail to answer the complainant: your answer goes on the timeline and to the complainant on behalf of the organisation; your own address stays hidden.' },
  'staff.message.onTimeline': { nl: 'Dit bericht staat op de tijdlijn van de klacht.', en: 'This message is on the timeline of the complaint.' },
  'staff.withdrawn.body': { nl: 'De klager heeft de klacht ingetrokken. Reden: {reason}. De behandeling is gestopt en de termijnen zijn vervallen.', en: 'The complainant withdrew the complaint. Reason: {reason}. Its handling has stopped and its terms have lapsed.' },
  'staff.overdue.body': { nl: 'De termijn "{term}" is verstreken op {dueDate}.', en: 'The term "{term}" passed on {dueDate}.' },
} as const satisfies Record<string, { nl: string; en: string }>;
