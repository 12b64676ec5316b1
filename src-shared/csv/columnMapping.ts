/**
 * Which CSV column fills which lead field. Web-download exports and purchased lists name their columns in many
 * ways and languages; the import proposes a mapping from the header names and the person corrects it.
 */

export const importFields = [
  'firstName',
  'lastName',
  'fullName',
  'company',
  'jobTitle',
  'email',
  'phone',
  'notes',
] as const;
export type ImportField = (typeof importFields)[number];

export const importFieldLabels: Record<ImportField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  fullName: 'Full name',
  company: 'Company',
  jobTitle: 'Job title',
  email: 'Email',
  phone: 'Phone',
  notes: 'Notes',
};

/** Column index per field; null when no column fills it. */
export type ColumnMapping = Record<ImportField, number | null>;

export const emptyMapping = (): ColumnMapping =>
  Object.fromEntries(importFields.map((field) => [field, null])) as ColumnMapping;

/** Header names seen in the wild (English, German, French, Spanish, Dutch), compared in compact form. */
const synonyms: Record<ImportField, readonly string[]> = {
  firstName: [
    'first name',
    'firstname',
    'given name',
    'forename',
    'vorname',
    'prénom',
    'nombre',
    'voornaam',
    'fname',
    'first',
  ],
  lastName: [
    'last name',
    'lastname',
    'surname',
    'family name',
    'nachname',
    'familienname',
    'nom',
    'apellido',
    'achternaam',
    'lname',
    'last',
  ],
  fullName: [
    'name',
    'full name',
    'contact',
    'contact name',
    'contact person',
    'ansprechpartner',
    'kontakt',
    'person',
    'nom complet',
  ],
  company: [
    'company',
    'company name',
    'firma',
    'firmenname',
    'organisation',
    'organization',
    'org',
    'account',
    'account name',
    'unternehmen',
    'employer',
    'société',
    'empresa',
    'bedrijf',
  ],
  jobTitle: [
    'job title',
    'title',
    'position',
    'role',
    'function',
    'funktion',
    'designation',
    'berufsbezeichnung',
    'jobtitel',
    'poste',
    'cargo',
    'functie',
  ],
  email: [
    'email',
    'e-mail',
    'email address',
    'e-mail address',
    'mail',
    'e-mail-adresse',
    'courriel',
    'correo',
  ],
  phone: [
    'phone',
    'telephone',
    'phone number',
    'tel',
    'telefon',
    'telefonnummer',
    'mobile',
    'mobile phone',
    'cell',
    'handy',
    'mobil',
    'téléphone',
    'teléfono',
    'telefoon',
  ],
  notes: [
    'notes',
    'note',
    'comment',
    'comments',
    'message',
    'remarks',
    'bemerkung',
    'bemerkungen',
    'notiz',
    'notizen',
    'nachricht',
    'kommentar',
    'anmerkungen',
    'interest',
    'inquiry',
    'anfrage',
  ],
};

/** "E-Mail Address", "e_mail_address" and "EmailAddress" all become "emailaddress". */
export const compactHeader = (header: string): string =>
  header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const compactSynonyms = Object.fromEntries(
  importFields.map((field) => [field, synonyms[field].map(compactHeader)]),
) as Record<ImportField, string[]>;

/** Fields tried by "the header contains the word" when no header matches exactly; full name is too vague for it. */
const containsOrder: readonly ImportField[] = [
  'email',
  'phone',
  'firstName',
  'lastName',
  'company',
  'jobTitle',
  'notes',
];

/**
 * Proposes a mapping: first every header that is exactly a known name of a field, then headers that contain one
 * ("Business email" -> email), each column used once and the leftmost column winning. Full name is only used when
 * first or last name has no column of its own.
 */
export const autoMapColumns = (headers: readonly string[]): ColumnMapping => {
  const mapping = emptyMapping();
  const compact = headers.map(compactHeader);
  const used = new Set<number>();
  for (const field of importFields) {
    const index = compact.findIndex((header, i) => !used.has(i) && compactSynonyms[field].includes(header));
    if (index >= 0) {
      mapping[field] = index;
      used.add(index);
    }
  }
  for (const field of containsOrder) {
    if (mapping[field] !== null) continue;
    const index = compact.findIndex(
      (header, i) =>
        !used.has(i) &&
        header !== '' &&
        compactSynonyms[field].some((word) => word.length >= 4 && header.includes(word)),
    );
    if (index >= 0) {
      mapping[field] = index;
      used.add(index);
    }
  }
  if (mapping.firstName !== null && mapping.lastName !== null) mapping.fullName = null;
  return mapping;
};

/** What the mapping must provide before rows can be checked: a name (first and last, or a full name). */
export const mappingProblems = (mapping: ColumnMapping): string[] => {
  const problems: string[] = [];
  const hasFull = mapping.fullName !== null;
  if (mapping.firstName === null && !hasFull)
    problems.push('Choose the column with the first name (or a full name).');
  if (mapping.lastName === null && !hasFull)
    problems.push('Choose the column with the last name (or a full name).');
  return problems;
};

/**
 * Splits a full name into first and last name: "Berg, Anna" is last name first; otherwise the last word is the
 * last name ("Anna Maria Berg" -> "Anna Maria" + "Berg"). One word is taken as the last name.
 */
export const splitFullName = (fullName: string): { firstName: string; lastName: string } => {
  const name = fullName.trim().replace(/\s+/g, ' ');
  const comma = name.indexOf(',');
  if (comma >= 0) return { firstName: name.slice(comma + 1).trim(), lastName: name.slice(0, comma).trim() };
  const space = name.lastIndexOf(' ');
  return space < 0
    ? { firstName: '', lastName: name }
    : { firstName: name.slice(0, space), lastName: name.slice(space + 1) };
};
