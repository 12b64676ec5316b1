import { describe, expect, it } from 'vitest';
import type { Lead, StatusChange } from '../../../src-shared/domain/lead';
import { deriveLeadFields } from '../../../src-shared/domain/lead';
import { newLeadFromCapture } from '../../../src-shared/rules/capture';
import { mergeDocuments } from '../../../src-renderer/sync/threeWayMerge';
import type { MergeDocument } from '../../../src-renderer/sync/threeWayMerge';

const t0 = 1_700_000_000_000;

const baseLead = (): MergeDocument => ({
  ...newLeadFromCapture(
    {
      firstName: 'Jana',
      lastName: 'Novak',
      company: 'Helix Automation',
      jobTitle: 'Plant Manager',
      email: 'jana@helix.example',
      phone: '',
      notes: 'Met at the booth',
      campaignId: '',
    },
    { id: 'lead-1', now: t0, ownerId: 'rita', teamId: 'north' },
  ),
  _deleted: false,
});

/** An edit as a device makes it: changed fields, updatedAt moved to `at`, derived fields recomputed. */
const edit = (
  doc: MergeDocument,
  changes: Partial<Lead> & { _deleted?: boolean },
  at: number,
): MergeDocument => {
  const next = { ...doc, ...changes, updatedAt: at } as MergeDocument;
  return { ...next, ...deriveLeadFields(next as unknown as Lead) };
};

const change = (at: number, from: StatusChange['from'], to: StatusChange['to']): StatusChange => ({
  at,
  by: 'rita',
  from,
  to,
  grade: '',
  reasonId: '',
  note: '',
});

const merge = (
  base: MergeDocument | undefined,
  ours: MergeDocument,
  theirs: MergeDocument,
  collection = 'leads',
) => mergeDocuments({ collection: collection as 'leads', base, ours, theirs });

describe('three-way merge', () => {
  it('keeps edits to different fields from both sides, without conflicts', () => {
    const base = baseLead();
    const ours = edit(base, { phone: '+49 511 1234567' }, t0 + 10);
    const theirs = edit(base, { jobTitle: 'Head of Operations' }, t0 + 20);
    const { document, conflicts } = merge(base, ours, theirs);
    expect(document.phone).toBe('+49 511 1234567');
    expect(document.jobTitle).toBe('Head of Operations');
    expect(document.updatedAt).toBe(t0 + 20);
    expect(conflicts).toEqual([]);
  });

  it('takes the only side that changed a field, whichever side it is', () => {
    const base = baseLead();
    const onlyTheirs = merge(base, base, edit(base, { notes: 'Called back' }, t0 + 5));
    expect(onlyTheirs.document.notes).toBe('Called back');
    const onlyOurs = merge(base, edit(base, { notes: 'Wants a demo' }, t0 + 5), base);
    expect(onlyOurs.document.notes).toBe('Wants a demo');
    expect([...onlyTheirs.conflicts, ...onlyOurs.conflicts]).toEqual([]);
  });

  it('accepts the same change made on both sides without a conflict', () => {
    const base = baseLead();
    const { document, conflicts } = merge(
      base,
      edit(base, { company: 'Helix GmbH' }, t0 + 5),
      edit(base, { company: 'Helix GmbH' }, t0 + 9),
    );
    expect(document.company).toBe('Helix GmbH');
    expect(conflicts).toEqual([]);
  });

  it('decides a field changed differently on both sides by the later updatedAt, and reports it', () => {
    const base = baseLead();
    const oursLater = merge(
      base,
      edit(base, { notes: 'ours' }, t0 + 20),
      edit(base, { notes: 'theirs' }, t0 + 10),
    );
    expect(oursLater.document.notes).toBe('ours');
    expect(oursLater.conflicts).toEqual([
      expect.objectContaining({ field: 'notes', ours: 'ours', theirs: 'theirs', chosen: 'ours' }),
    ]);

    const theirsLater = merge(
      base,
      edit(base, { notes: 'ours' }, t0 + 10),
      edit(base, { notes: 'theirs' }, t0 + 20),
    );
    expect(theirsLater.document.notes).toBe('theirs');
    expect(theirsLater.conflicts).toEqual([expect.objectContaining({ field: 'notes', chosen: 'theirs' })]);
  });

  it('gives a tie to the server', () => {
    const base = baseLead();
    const { document, conflicts } = merge(
      base,
      edit(base, { value: 1000 }, t0 + 10),
      edit(base, { value: 2000 }, t0 + 10),
    );
    expect(document.value).toBe(2000);
    expect(conflicts).toEqual([
      expect.objectContaining({ field: 'value', ours: 1000, theirs: 2000, chosen: 'theirs' }),
    ]);
    expect(conflicts[0]?.reason).toMatch(/same time/);
  });

  it('compares nested values deeply and decides them as one top-level field', () => {
    const base = baseLead();
    const reordered = { ...base, profile: { role: '', region: '', companySize: '', industry: '' } };
    expect(merge(base, reordered, base).conflicts).toEqual([]);
    const ours = edit(
      base,
      { profile: { industry: 'food', companySize: '', region: '', role: '' } },
      t0 + 30,
    );
    const theirs = edit(
      base,
      { profile: { industry: '', companySize: '50-249', region: '', role: '' } },
      t0 + 20,
    );
    const { document, conflicts } = merge(base, ours, theirs);
    expect(document.profile).toEqual(ours.profile);
    expect(conflicts.map((conflict) => conflict.field)).toEqual(['profile']);
  });

  it('merges status histories as a union ordered by time, so no status change is lost', () => {
    const base = edit(
      baseLead(),
      { statusHistory: [change(t0 + 1, 'inquiry', 'prospect')], status: 'prospect' },
      t0 + 1,
    );
    const ours = edit(
      base,
      {
        status: 'lead',
        statusHistory: [...(base.statusHistory as StatusChange[]), change(t0 + 30, 'prospect', 'lead')],
      },
      t0 + 30,
    );
    const theirs = edit(
      base,
      {
        status: 'nurture',
        statusHistory: [...(base.statusHistory as StatusChange[]), change(t0 + 20, 'prospect', 'nurture')],
      },
      t0 + 20,
    );
    const { document, conflicts } = merge(base, ours, theirs);
    expect((document.statusHistory as StatusChange[]).map((entry) => [entry.at, entry.to])).toEqual([
      [t0 + 1, 'prospect'],
      [t0 + 20, 'nurture'],
      [t0 + 30, 'lead'],
    ]);
    // The status itself is one value: the rule decides it and says so.
    expect(document.status).toBe('lead');
    expect(conflicts.map((conflict) => conflict.field)).toEqual(['status']);
  });

  it('keeps one entry for a status change both sides hold', () => {
    const base = baseLead();
    const entry = change(t0 + 5, 'inquiry', 'prospect');
    const { document } = merge(
      base,
      edit(base, { statusHistory: [entry] }, t0 + 5),
      edit(base, { statusHistory: [{ ...entry, note: 'server copy' }] }, t0 + 6),
    );
    expect(document.statusHistory).toEqual([{ ...entry, note: 'server copy' }]);
  });

  it('recomputes the derived lead fields from the merged fields', () => {
    const base = baseLead();
    const ours = edit(base, { company: 'Nordwerk AG' }, t0 + 10);
    const theirs = edit(base, { grade: 'hot', fitScore: 80 }, t0 + 20);
    const { document } = merge(base, ours, theirs);
    expect(document.searchText).toContain('nordwerk ag');
    expect(document.nameKey).toBe('jana novak@nordwerk ag');
    expect(document.gradeRank).toBe(3);
    expect(document.gradeOrder).toBe(0);
    expect(document.fitOrder).toBe(20);
  });

  it('keeps an edit made on one side when the other side deleted the document, and reports it', () => {
    const base = baseLead();
    const deletedHere = merge(
      base,
      edit(base, { _deleted: true }, t0 + 50),
      edit(base, { notes: 'Call Monday' }, t0 + 10),
    );
    expect(deletedHere.document._deleted).toBe(false);
    expect(deletedHere.document.notes).toBe('Call Monday');
    expect(deletedHere.conflicts).toEqual([
      expect.objectContaining({ field: '_deleted', ours: true, theirs: false, chosen: 'theirs' }),
    ]);

    const deletedThere = merge(
      base,
      edit(base, { phone: '+1 555 0100' }, t0 + 10),
      edit(base, { _deleted: true }, t0 + 50),
    );
    expect(deletedThere.document._deleted).toBe(false);
    expect(deletedThere.document.phone).toBe('+1 555 0100');
    expect(deletedThere.conflicts).toEqual([expect.objectContaining({ field: '_deleted', chosen: 'ours' })]);
  });

  it('deletes when the other side did not edit, and keeps a restore of something deleted before', () => {
    const base = baseLead();
    const deleted = merge(base, base, edit(base, { _deleted: true }, t0 + 5));
    expect(deleted.document._deleted).toBe(true);
    expect(deleted.conflicts).toEqual([]);
    expect(
      merge(base, edit(base, { _deleted: true }, t0 + 5), edit(base, { _deleted: true }, t0 + 6)).document
        ._deleted,
    ).toBe(true);

    const gone = edit(base, { _deleted: true }, t0 + 5);
    const restored = merge(gone, edit(gone, { _deleted: false, notes: 'Back again' }, t0 + 9), gone);
    expect(restored.document._deleted).toBe(false);
    expect(restored.document.notes).toBe('Back again');
    expect(restored.conflicts).toEqual([]);
  });

  it('without a base treats every difference as a change on both sides', () => {
    const base = baseLead();
    const ours = edit(base, { notes: 'ours', phone: '+49 30 1111' }, t0 + 40);
    const theirs = edit(base, { notes: 'theirs' }, t0 + 30);
    const { document, conflicts } = merge(undefined, ours, theirs);
    expect(document.notes).toBe('ours');
    expect(document.phone).toBe('+49 30 1111');
    expect(document.jobTitle).toBe('Plant Manager');
    expect(conflicts.map((conflict) => [conflict.field, conflict.chosen])).toEqual([
      ['phone', 'ours'],
      ['notes', 'ours'],
    ]);

    const tie = merge(
      undefined,
      edit(base, { notes: 'ours' }, t0 + 30),
      edit(base, { notes: 'theirs' }, t0 + 30),
    );
    expect(tie.document.notes).toBe('theirs');

    const deletion = merge(undefined, edit(base, { _deleted: true }, t0 + 90), theirs);
    expect(deletion.document._deleted).toBe(false);
    expect(deletion.conflicts.map((conflict) => conflict.field)).toContain('_deleted');
  });

  it('keeps an optional field only one side has, and never returns RxDB local keys', () => {
    const appointment: MergeDocument = {
      id: 'apt-1',
      createdAt: t0,
      updatedAt: t0,
      ownerId: 'rita',
      teamId: 'north',
      leadId: 'lead-1',
      kind: 'demo',
      startsAt: t0,
      durationMinutes: 60,
      notes: '',
      _deleted: false,
    };
    const ours = { ...appointment, location: 'Hall 3', updatedAt: t0 + 5, _meta: { lwt: 1 }, _rev: '2-a' };
    const theirs = { ...appointment, demoStatus: 'done', updatedAt: t0 + 9 };
    const { document, conflicts } = mergeDocuments({
      collection: 'appointments',
      base: appointment,
      ours,
      theirs,
    });
    expect(document).toEqual({ ...appointment, location: 'Hall 3', demoStatus: 'done', updatedAt: t0 + 9 });
    expect(conflicts).toEqual([]);
  });
});
