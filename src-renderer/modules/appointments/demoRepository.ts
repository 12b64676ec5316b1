import type { DemoAppointment } from '../../../src-shared/domain/appointment';
import { newId } from '../../../src-shared/domain/ids';
import type { Lead } from '../../../src-shared/domain/lead';
import type { DemoDraft, DemoError, DemoStatusRequest } from '../../../src-shared/rules/demos';
import { changeDemoStatus, rescheduleDemo, scheduleDemo } from '../../../src-shared/rules/demos';
import type { FairleadDatabase } from '../../db/database';

export type DemoWriteResult = { ok: true; demo: DemoAppointment } | { ok: false; errors: DemoError[] };

const gone: DemoWriteResult = {
  ok: false,
  errors: [{ field: 'demoStatus', message: 'This demo is no longer on this device.' }],
};

/** Books a demo for a lead; it belongs to the lead's owner, whose diary it fills. */
export const bookDemo = async (
  db: FairleadDatabase,
  lead: Pick<Lead, 'id' | 'ownerId' | 'teamId'>,
  draft: DemoDraft,
): Promise<DemoWriteResult> => {
  const now = Date.now();
  const result = scheduleDemo(draft, {
    id: newId(now),
    leadId: lead.id,
    ownerId: lead.ownerId,
    teamId: lead.teamId,
    now,
  });
  if (!result.ok) return result;
  await db.appointments.insert(result.demo);
  return { ok: true, demo: result.demo };
};

const loadDemo = async (db: FairleadDatabase, id: string) => {
  const doc = await db.appointments.findOne(id).exec();
  return doc && doc.kind === 'demo' ? doc : null;
};

export const moveDemo = async (
  db: FairleadDatabase,
  id: string,
  draft: DemoDraft,
): Promise<DemoWriteResult> => {
  const doc = await loadDemo(db, id);
  if (!doc) return gone;
  const result = rescheduleDemo(doc.toJSON() as DemoAppointment, draft, Date.now());
  if (!result.ok) return result;
  const saved = await doc.incrementalPatch(result.patch);
  return { ok: true, demo: saved.toJSON() as DemoAppointment };
};

export const finishDemo = async (
  db: FairleadDatabase,
  id: string,
  request: DemoStatusRequest,
): Promise<DemoWriteResult> => {
  const doc = await loadDemo(db, id);
  if (!doc) return gone;
  const result = changeDemoStatus(doc.toJSON() as DemoAppointment, request, Date.now());
  if (!result.ok) return result;
  const saved = await doc.incrementalPatch(result.patch);
  return { ok: true, demo: saved.toJSON() as DemoAppointment };
};
