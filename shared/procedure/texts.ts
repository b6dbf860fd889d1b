/**
 * Every text a complainant or staff member reads that an organisation may want to change.
 * A procedure file overrides any key under `texts:`; `{placeholders}` are filled in when used.
 */
export const DEFAULT_TEXTS = {
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
  'forward.notKept': {
    nl: 'niet bewaard',
    en: 'not kept',
  },
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
  'form.title': { nl: 'Een klacht indienen', en: 'File a complaint' },
  'form.intro': {
    nl: 'Bent u niet tevreden over {organisation}? Vertel het ons. U krijgt direct een ontvangstbevestiging per e-mail.',
    en: 'Not satisfied with {organisation}? Tell us. You will get a receipt by e-mail straight away.',
  },
  'form.submit': { nl: 'Klacht versturen', en: 'Send complaint' },
  'notSatisfied': {
    nl: 'Niet tevreden met de uitkomst?',
    en: 'Not satisfied with the outcome?',
  },
  'signature': {
    nl: 'Met vriendelijke groet,\n{organisation}',
    en: 'Kind regards,\n{organisation}',
  },
} as const satisfies Record<string, { nl: string; en: string }>;

export type TextKey = keyof typeof DEFAULT_TEXTS;
export const TEXT_KEYS = Object.keys(DEFAULT_TEXTS) as [TextKey, ...TextKey[]];
