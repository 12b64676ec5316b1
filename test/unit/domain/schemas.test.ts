import { describe, expect, it } from 'vitest';
import { deriveLeadKeys, leadCaptureSchema, leadSchema } from '../../../src-shared/domain/lead';
import { playbookSchema } from '../../../src-shared/domain/playbook';
import { documentSchemas } from '../../../src-shared/domain/collections';
import { duplicateReason } from '../../../src-shared/rules/duplicates';
import { newId } from '../../../src-shared/domain/ids';
import { capturedLead, playbook } from './fixtures';

const capture = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  company: '',
  jobTitle: '',
  email: '',
  phone: '',
  notes: '',
  campaignId: '',
};

describe('lead schemas', () => {
  it('accepts a captured lead and the default playbook', () => {
    expect(leadSchema.safeParse(capturedLead()).success).toBe(true);
    expect(playbookSchema.safeParse(playbook).success).toBe(true);
  });

  it('refuses an invalid email with a message a rep understands', () => {
    const result = leadCaptureSchema.safeParse({ ...capture, email: 'ada@' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['email'],
      message: 'Enter a valid email address, like name@company.com',
    });
  });

  it('requires a name and trims and lower-cases what is typed', () => {
    const missing = leadCaptureSchema.safeParse({ ...capture, firstName: '   ' });
    expect(missing.error?.issues[0]).toMatchObject({
      path: ['firstName'],
      message: 'First name is required',
    });
    const parsed = leadCaptureSchema.parse({
      ...capture,
      firstName: ' Ada ',
      email: ' ADA@Engines.Example ',
    });
    expect(parsed).toMatchObject({ firstName: 'Ada', email: 'ada@engines.example' });
  });

  it('refuses a malformed phone number', () => {
    expect(leadCaptureSchema.safeParse({ ...capture, phone: 'call me' }).success).toBe(false);
    expect(leadCaptureSchema.safeParse({ ...capture, phone: '+49 (0)30 123-456' }).success).toBe(true);
  });

  it('has a schema for every collection of the domain', () => {
    expect(Object.keys(documentSchemas).sort()).toEqual(
      ['activities', 'appointments', 'campaigns', 'leads', 'playbooks', 'seminars', 'users'].sort(),
    );
  });
});

describe('duplicates', () => {
  const existing = capturedLead();
  it('matches the same email whatever its case', () => {
    expect(duplicateReason({ ...capture, email: 'ADA@engines.example' }, existing)).toBe('email');
  });
  it('matches the same name at the same company, ignoring accents and spaces', () => {
    expect(
      duplicateReason(
        { ...capture, firstName: 'Adá', lastName: ' lovelace', company: 'analytical  engines ltd' },
        existing,
      ),
    ).toBe('name_company');
  });
  it('does not match blank keys or the same name elsewhere', () => {
    expect(duplicateReason({ ...capture, company: 'Other Co' }, existing)).toBeNull();
    expect(duplicateReason(capture, { emailKey: '', nameKey: '' })).toBeNull();
  });
  it('builds a search text from name, company and email', () => {
    expect(deriveLeadKeys(existing).searchText).toBe(
      'ada lovelace analytical engines ltd ada@engines.example',
    );
  });
});

describe('newId', () => {
  it('sorts by creation, even within one millisecond', () => {
    const ids = Array.from({ length: 1000 }, () => newId(1_700_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(1000);
    expect(newId(1_700_000_000_001) > ids[999]!).toBe(true);
  });
});
