/** The refusal and its field say the same. */
const POSTED_ON = {
  nl: 'Vul de datum in waarop de brief op de post ging (niet in de toekomst, niet vóór de brief klaarstond).',
  en: 'Enter the date the letter was posted (not in the future, not before the letter was ready).',
} as const;

/** Letters by post: complaints from people without e-mail, the letters, and the workspace's list of letters to send. */
export const LETTER_TEXTS = {
  'field.contact': {
    nl: 'Vul een e-mailadres of een postadres in: daar sturen wij de ontvangstbevestiging heen.',
    en: 'Enter an e-mail address or a postal address: that is where we send the receipt.',
  },
  // ---- In a letter, instead of the mail's "reply to this e-mail". ----
  'letter.replyToAppeal': {
    nl: 'U kunt ons daarvoor schrijven of bellen; vermeld uw kenmerk {reference}.', je: 'Je kunt ons daarvoor schrijven of bellen; vermeld je kenmerk {reference}.',
    en: 'You can write to us or call us to do so; please mention your reference {reference}.',
  },
  'letter.replyHint': {
    nl: 'Wilt u reageren? Schrijf of bel ons en vermeld uw kenmerk {reference}.', je: 'Wil je reageren? Schrijf of bel ons en vermeld je kenmerk {reference}.',
    en: 'Want to respond? Write to us or call us and mention your reference {reference}.',
  },
  /** A decision by post: the appeal window counts from the day the letter is posted, so the letter gives its length. */
  'letter.appealWithin': { nl: 'laat het ons weten binnen {window} nadat wij u deze brief stuurden', je: 'laat het ons weten binnen {window} nadat wij je deze brief stuurden', en: 'let us know within {window} after we sent you this letter' },
  'letter.reference': { nl: 'Kenmerk', en: 'Reference' },
  'letter.date': { nl: 'Datum', en: 'Date' },
  'letter.subject': { nl: 'Onderwerp', en: 'Subject' },
  // ---- The case: letters on its timeline, and marking one posted. ----
  'timeline.letterQueued': { nl: 'Brief klaargezet om te versturen ({letter}) aan {name}: {subject}', en: 'Letter ready to be posted ({letter}) to {name}: {subject}' },
  'timeline.letterPosted': { nl: 'Brief {letter} verstuurd op {date}', en: 'Letter {letter} posted on {date}' },
  'refusal.no-letter': { nl: 'Deze brief staat niet bij de klacht.', en: 'This letter is not on the complaint.' },
  'refusal.letter-posted': { nl: 'Deze brief is al als verstuurd gemarkeerd.', en: 'This letter was already marked as posted.' },
  'refusal.posted-on': POSTED_ON,
  'field.posted-on': POSTED_ON,
  // ---- The workspace: "Te versturen brieven". ----
  'letters.title': { nl: 'Te versturen brieven', en: 'Letters to post' },
  'letters.intro': {
    nl: 'Deze klagers en betrokkenen hebben geen e-mailadres: zij krijgen onze berichten per brief. Download de brief, print hem en verstuur hem in een vensterenvelop. Markeer hem daarna als verstuurd, met de datum waarop hij op de post ging: termijnen die van de brief afhangen, tellen vanaf die datum.',
    en: 'These complainants and parties have no e-mail address: they receive our messages by letter. Download the letter, print it and send it in a window envelope. Then mark it as posted, with the date it was posted: terms that depend on the letter count from that date.',
  },
  'letters.none': { nl: 'Er zijn geen brieven te versturen.', en: 'There are no letters to post.' },
  'letters.case': { nl: 'Klacht', en: 'Complaint' },
  'letters.to': { nl: 'Aan', en: 'To' },
  'letters.what': { nl: 'Brief', en: 'Letter' },
  'letters.ready': { nl: 'Klaargezet', en: 'Ready since' },
  'letters.download': { nl: 'Download PDF', en: 'Download PDF' },
  'letters.postedOn': { nl: 'Verstuurd op', en: 'Posted on' },
  'letters.markPosted': { nl: 'Markeer als verstuurd', en: 'Mark as posted' },
  'letters.done': { nl: 'De brief is als verstuurd gemarkeerd.', en: 'The letter is marked as posted.' },
  'letters.notReady': { nl: 'Deze brief wordt nog gemaakt. Probeer het zo opnieuw.', en: 'This letter is still being made. Try again shortly.' },
  'letters.waiting': { nl: 'Te versturen brieven bij deze klacht: {count}.', en: 'Letters to post for this complaint: {count}.' },
  'letters.open': { nl: 'Naar de te versturen brieven', en: 'To the letters to post' },
} as const;
