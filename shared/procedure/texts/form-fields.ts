/** The standard intake fields' labels and hints (procedure/fields.ts; a procedure's own field label wins), and the form's own words (web/form.ts). */
export const FORM_FIELD_TEXTS = {
  'field.name.label': { nl: 'Uw naam', en: 'Your name' },
  'field.email.label': { nl: 'Uw e-mailadres', en: 'Your e-mail address' },
  'field.email.hint': { nl: 'Hierheen sturen wij de ontvangstbevestiging en onze berichten.', en: 'We send the receipt and our messages here.' },
  'field.phone.label': { nl: 'Telefoonnummer', en: 'Phone number' },
  'field.address.label': { nl: 'Adres', en: 'Address' },
  'field.eventDate.label': { nl: 'Wanneer gebeurde het?', en: 'When did it happen?' },
  'field.eventDate.hint': { nl: 'Bijvoorbeeld 15 3 2026. Weet u de precieze dag niet? Vul de dag in waarop u het merkte.', en: 'For example 15 3 2026. Not sure of the exact day? Give the day you noticed.' },
  'field.description.label': { nl: 'Wat is uw klacht?', en: 'What is your complaint?' },
  'field.description.hint': { nl: 'Beschrijf wat er gebeurde, wie erbij betrokken waren en waarom u ontevreden bent.', en: 'Describe what happened, who was involved and why you are not satisfied.' },
  'field.desiredSolution.label': { nl: 'Welke oplossing wilt u?', en: 'What solution would you like?' },
  'field.employeeName.label': { nl: 'Naam van de medewerker (als u die weet)', en: 'Name of the employee (if you know it)' },
  'field.childName.label': { nl: 'Naam van het kind', en: "The child's name" },
  'field.topic.label': { nl: 'Waar gaat uw klacht over?', en: 'What is your complaint about?' },
  // ---- Words of the complaint form itself (web/form.ts). ----
  'form.word.required': { nl: '(verplicht)', en: '(required)' },
  'form.word.optional': { nl: '(niet verplicht)', en: '(optional)' },
  'form.word.choose': { nl: 'Kies…', en: 'Choose…' },
  'form.word.problem': { nl: 'Er is een probleem', en: 'There is a problem' },
  'form.word.refused': { nl: 'Wij kunnen deze klacht niet in behandeling nemen', en: 'We cannot handle this complaint' },
  'form.word.how': { nl: 'Zo gaat het verder', en: 'What happens next' },
  'form.word.yourComplaint': { nl: 'Uw klacht', en: 'Your complaint' },
  'form.word.honeypot': { nl: 'Laat dit veld leeg', en: 'Leave this field empty' },
  'form.word.yes': { nl: 'Ja', en: 'Yes' },
  // Each language by its own name, for the language switch.
  'lang.ownName': { nl: 'Nederlands', en: 'English' },
} as const satisfies Record<string, { nl: string; en: string }>;
