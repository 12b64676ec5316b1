import { describe, expect, it, vi } from 'vitest';
import type { WithDeleted } from 'rxdb';
import { createMergeConflictHandler } from '../../../src-renderer/sync/mergeConflictHandler';
import type { ConflictRecord } from '../../../src-renderer/sync/mergeConflictHandler';
import { deepEqual, sameDocument } from '../../../src-renderer/sync/documentEquality';
import { conflictIssues, rejectionIssue } from '../../../src-renderer/sync/syncIssues';
import { syncIssueRxSchema, syncIssueSchema } from '../../../src-renderer/db/collections/syncIssues';

type Doc = {
  id: string;
  updatedAt: number;
  notes: string;
  tags?: string[];
  nested?: Record<string, unknown>;
};

const doc = (overrides: Partial<Doc> & Record<string, unknown> = {}): WithDeleted<Doc> => ({
  id: 'a-1',
  updatedAt: 100,
  notes: 'base',
  _deleted: false,
  ...overrides,
});

describe('isEqual of the merge conflict handler', () => {
  const { isEqual } = createMergeConflictHandler<Doc>('activities');

  it('ignores RxDB local keys, key order and keys holding undefined', () => {
    expect(
      isEqual(doc(), { ...doc(), _meta: { lwt: 5 }, _rev: '3-x', _attachments: {} } as never, 'test'),
    ).toBe(true);
    expect(isEqual({ notes: 'base', _deleted: false, updatedAt: 100, id: 'a-1' }, doc(), 'test')).toBe(true);
    expect(isEqual(doc({ tags: undefined }), doc(), 'test')).toBe(true);
    expect(isEqual(doc({ nested: { a: 1, b: [1, 2] } }), doc({ nested: { b: [1, 2], a: 1 } }), 'test')).toBe(
      true,
    );
  });

  it('sees every real difference, including deletion, array order and nested values', () => {
    expect(isEqual(doc(), doc({ notes: 'other' }), 'test')).toBe(false);
    expect(isEqual(doc(), doc({ _deleted: true }), 'test')).toBe(false);
    expect(isEqual(doc({ tags: ['a', 'b'] }), doc({ tags: ['b', 'a'] }), 'test')).toBe(false);
    expect(isEqual(doc({ nested: { a: 1 } }), doc({ nested: { a: 2 } }), 'test')).toBe(false);
    expect(isEqual(doc({ nested: { a: 1 } }), doc({ nested: { a: 1, b: 0 } }), 'test')).toBe(false);
    expect(isEqual(doc({ tags: [] }), doc({ nested: {} } as never), 'test')).toBe(false);
  });

  it('is synchronous and cheap enough to run on every document of a large pull', () => {
    const a = { ...doc(), list: Array.from({ length: 20 }, (_, i) => ({ at: i, to: 'x' })) };
    const b = structuredClone(a);
    const started = performance.now();
    for (let i = 0; i < 50_000; i += 1) isEqual(a, b, 'bench');
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('deepEqual treats arrays and objects as different kinds', () => {
    expect(deepEqual([], {})).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
    expect(deepEqual(1, 1)).toBe(true);
    expect(sameDocument({ a: 1, _meta: 1 }, { a: 1, _rev: 'x' })).toBe(true);
  });
});

describe('resolve of the merge conflict handler', () => {
  it('merges three ways and reports the fields decided by the rule', async () => {
    const logged: ConflictRecord[] = [];
    const handler = createMergeConflictHandler<Doc>('activities', (record) => {
      logged.push(record);
    });
    const resolved = await handler.resolve(
      {
        assumedMasterState: doc(),
        newDocumentState: doc({ notes: 'mine', updatedAt: 300 }),
        realMasterState: doc({ notes: 'server', updatedAt: 200 }),
      },
      'test',
    );
    expect(resolved).toEqual(doc({ notes: 'mine', updatedAt: 300 }));
    expect(logged).toEqual([
      expect.objectContaining({
        collection: 'activities',
        documentId: 'a-1',
        conflicts: [
          expect.objectContaining({ field: 'notes', ours: 'mine', theirs: 'server', chosen: 'ours' }),
        ],
      }),
    ]);
  });

  it('logs nothing when the sides changed different fields, and survives a failing log', async () => {
    const onConflict = vi.fn(() => Promise.reject(new Error('disk full')));
    const handler = createMergeConflictHandler<Doc>('activities', onConflict);
    const quiet = await handler.resolve(
      {
        assumedMasterState: doc(),
        newDocumentState: doc({ tags: ['x'] }),
        realMasterState: doc({ notes: 'server' }),
      },
      'test',
    );
    expect(quiet).toEqual(doc({ tags: ['x'], notes: 'server' }));
    expect(onConflict).not.toHaveBeenCalled();

    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const decided = await handler.resolve(
      { newDocumentState: doc({ notes: 'mine' }), realMasterState: doc({ notes: 'server' }) },
      'test',
    );
    expect(decided.notes).toBe('server');
    expect(onConflict).toHaveBeenCalledOnce();
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});

describe('sync issue records', () => {
  it('turns a conflict into one valid issue per field and a refusal into one issue', () => {
    const issues = conflictIssues(
      {
        collection: 'leads',
        documentId: 'lead-1',
        conflicts: [
          { field: 'notes', ours: 'a', theirs: 'b', chosen: 'theirs', reason: 'rule' },
          { field: 'value', ours: 1, theirs: undefined, chosen: 'ours', reason: 'rule' },
        ],
        ours: {},
        theirs: {},
      },
      1_700_000_000_000,
    );
    expect(issues.map((issue) => [issue.field, issue.ours, issue.theirs, issue.chosen])).toEqual([
      ['notes', '"a"', '"b"', 'theirs'],
      ['value', '1', 'null', 'ours'],
    ]);
    const refused = rejectionIssue('leads', 'lead-2', { id: 'lead-2', _meta: { lwt: 1 } }, 'Not yours');
    expect(refused).toMatchObject({
      kind: 'rejected',
      field: '',
      chosen: '',
      ours: '{"id":"lead-2"}',
      reviewed: false,
    });
    for (const issue of [...issues, refused]) expect(syncIssueSchema.safeParse(issue).success).toBe(true);
  });

  it('describes the same fields in its RxDB schema and its zod schema', () => {
    expect(Object.keys(syncIssueRxSchema.properties).sort()).toEqual(
      Object.keys(syncIssueSchema.shape).sort(),
    );
    expect([...(syncIssueRxSchema.required as string[])].sort()).toEqual(
      Object.keys(syncIssueSchema.shape).sort(),
    );
  });
});
