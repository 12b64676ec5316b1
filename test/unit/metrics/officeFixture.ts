import type { Activity } from '../../../src-shared/domain/activity';
import type { Campaign } from '../../../src-shared/domain/campaign';
import type { Lead } from '../../../src-shared/domain/lead';
import type { Grade, LeadStatus } from '../../../src-shared/domain/vocabulary';
import { leadFacts } from '../../../src-shared/rules/metrics';
import type { LeadFacts } from '../../../src-shared/rules/metrics';
import { capturedLead, playbook } from '../domain/fixtures';

/**
 * A hand-worked office: two campaigns, two reps, fifteen records, judged on Friday 27 November 2026, 12:00 in
 * Berlin (UTC+1). Weeks: W46 = 9-15 Nov, W47 = 16-22 Nov, W48 = 23-29 Nov 2026. Every expected figure in the
 * tests is worked out by hand from the table below.
 *
 * Stages (default playbook): qualified 10 %, seminar_invited 20 %, demo_scheduled 35 %, proposal 60 %,
 * negotiation 80 %, won 100 %, lost 0 %.
 *
 * | id  | campaign  | owner | status       | grade  | entered sales   | deadline        | owner's 1st contact | stage moves                         | stage now   | value  |
 * | L1  | camp-fair | rita  | lead         | hot    | Mon 16 10:00    | Tue 17 10:00    | Mon 16 14:00 on time | proposal Wed 18, won Mon 23         | won         | 40,000 |
 * | L2  | camp-fair | rita  | lead         | warm   | Mon 16 11:00    | Thu 19 11:00    | Fri 20 09:00 late    | demo Fri 20, proposal Tue 24        | proposal    | 20,000 (close 2027-01) |
 * | L3  | camp-fair | ravi  | lead         | warm   | Tue 17 09:00    | Fri 20 09:00    | none: missed         | -                                   | qualified   | 0      |
 * | L4  | camp-fair | ravi  | lead         | hot    | Mon 23 09:00    | Tue 24 09:00    | Tue 24 10:00 late (*)| demo Wed 25, lost Thu 26            | lost        | 0      |
 * | L5  | camp-fair | rita  | lead         | warm   | Wed 25 09:00    | Mon 30 09:00    | none yet: pending    | -                                   | qualified   | 0      |
 * | L6  | camp-fair | rita  | lead         | hot    | Mon 16 09:00    | Tue 17 10:00    | Tue 17 09:00 on time | none on this device (edited Thu 19) | negotiation | 30,000 (close 2026-12) |
 * | L7  | camp-fair | ravi  | nurture      | future | never           |                 |                      |                                     |             |        |
 * | L8  | camp-fair | rita  | prospect     |        | never           |                 |                      |                                     |             |        |
 * | L9  | camp-fair | ravi  | nurture      |        | never           |                 |                      |                                     |             |        |
 * | L10 | camp-fair | rita  | disqualified |        | never           |                 |                      |                                     |             |        |
 * | L11 | camp-fair | rita  | inquiry      |        | never           |                 |                      |                                     |             |        |
 * | L12 | camp-fair | ravi  | lead         | hot    | Tue 17 14:00    | Wed 18 14:00    | Tue 17 15:00 on time | lost Wed 18 (from qualified)        | lost        | 0      |
 * | L13 | camp-web  | rita  | lead         | hot    | Mon 23 00:30 (**) | Tue 24 00:30  | Mon 23 09:00 on time | won Thu 26                          | won         | 10,000 |
 * | L14 | (none)    | ravi  | inquiry      |        | never           |                 |                      |                                     |             |        |
 * | L15 | (none)    | ravi  | lead         | warm   | Thu 12 09:00 (W46) | Tue 17 09:00 | Thu 12 10:00 on time | -                                   | qualified   | 0      |
 *
 * (*) the manager called L4 on Mon 23 10:00, but only the owner's contact meets the deadline.
 * (**) Mon 23 Nov 00:30 in Berlin is Sun 22 Nov 23:30 UTC: W48 in Berlin, W47 in UTC.
 * Campaign camp-fair: budget 10,000; cost lines 6,000 + 1,500 + 500 = 8,000; targets relevant leads 10,
 * opportunities 4, opportunity value 100,000, deals 2, deal value 50,000.
 */

/** A moment in Berlin in November 2026 (UTC+1): day of month, hour, minute. */
export const berlin = (day: number, hour: number, minute = 0): number =>
  Date.UTC(2026, 10, day, hour - 1, minute);
export const berlinOffset = 60;
export const judgedAt = berlin(27, 12);
export const stages = playbook.stages;

type Row = {
  id: string;
  campaignId: string;
  ownerId: string;
  status: LeadStatus;
  grade: Grade | '';
  enteredSales?: number;
  dueAt?: number;
  stageId?: string;
  value?: number;
  expectedCloseMonth?: string;
  updatedAt?: number;
};

const lead = (row: Row): Lead => {
  const history: Lead['statusHistory'] = [];
  if (row.enteredSales) {
    history.push({
      at: row.enteredSales,
      by: row.ownerId,
      from: 'inquiry',
      to: 'lead',
      grade: row.grade,
      reasonId: '',
      note: '',
    });
  } else if (row.status !== 'inquiry') {
    history.push({
      at: berlin(16, 8),
      by: row.ownerId,
      from: 'inquiry',
      to: row.status,
      grade: row.grade,
      reasonId: '',
      note: '',
    });
  }
  return capturedLead({
    id: row.id,
    campaignId: row.campaignId,
    ownerId: row.ownerId,
    createdAt: berlin(16, 8),
    updatedAt: row.updatedAt ?? berlin(16, 8),
    status: row.status,
    grade: row.grade,
    stageId: row.stageId ?? (row.status === 'lead' ? 'qualified' : ''),
    value: row.value ?? 0,
    expectedCloseMonth: row.expectedCloseMonth ?? '',
    qualifiedAt: row.enteredSales ?? 0,
    followUpDueAt: row.dueAt ?? 0,
    statusHistory: history,
  });
};

export const leads: Lead[] = [
  lead({
    id: 'L1',
    campaignId: 'camp-fair',
    ownerId: 'rita',
    status: 'lead',
    grade: 'hot',
    enteredSales: berlin(16, 10),
    dueAt: berlin(17, 10),
    stageId: 'won',
    value: 40_000,
    expectedCloseMonth: '2026-12',
  }),
  lead({
    id: 'L2',
    campaignId: 'camp-fair',
    ownerId: 'rita',
    status: 'lead',
    grade: 'warm',
    enteredSales: berlin(16, 11),
    dueAt: berlin(19, 11),
    stageId: 'proposal',
    value: 20_000,
    expectedCloseMonth: '2027-01',
  }),
  lead({
    id: 'L3',
    campaignId: 'camp-fair',
    ownerId: 'ravi',
    status: 'lead',
    grade: 'warm',
    enteredSales: berlin(17, 9),
    dueAt: berlin(20, 9),
  }),
  lead({
    id: 'L4',
    campaignId: 'camp-fair',
    ownerId: 'ravi',
    status: 'lead',
    grade: 'hot',
    enteredSales: berlin(23, 9),
    dueAt: berlin(24, 9),
    stageId: 'lost',
  }),
  lead({
    id: 'L5',
    campaignId: 'camp-fair',
    ownerId: 'rita',
    status: 'lead',
    grade: 'warm',
    enteredSales: berlin(25, 9),
    dueAt: berlin(30, 9),
  }),
  lead({
    id: 'L6',
    campaignId: 'camp-fair',
    ownerId: 'rita',
    status: 'lead',
    grade: 'hot',
    enteredSales: berlin(16, 9),
    dueAt: berlin(17, 10),
    stageId: 'negotiation',
    value: 30_000,
    expectedCloseMonth: '2026-12',
    updatedAt: berlin(19, 15),
  }),
  lead({ id: 'L7', campaignId: 'camp-fair', ownerId: 'ravi', status: 'nurture', grade: 'future' }),
  lead({ id: 'L8', campaignId: 'camp-fair', ownerId: 'rita', status: 'prospect', grade: '' }),
  lead({ id: 'L9', campaignId: 'camp-fair', ownerId: 'ravi', status: 'nurture', grade: '' }),
  lead({ id: 'L10', campaignId: 'camp-fair', ownerId: 'rita', status: 'disqualified', grade: '' }),
  lead({ id: 'L11', campaignId: 'camp-fair', ownerId: 'rita', status: 'inquiry', grade: '' }),
  lead({
    id: 'L12',
    campaignId: 'camp-fair',
    ownerId: 'ravi',
    status: 'lead',
    grade: 'hot',
    enteredSales: berlin(17, 14),
    dueAt: berlin(18, 14),
    stageId: 'lost',
  }),
  lead({
    id: 'L13',
    campaignId: 'camp-web',
    ownerId: 'rita',
    status: 'lead',
    grade: 'hot',
    enteredSales: berlin(23, 0, 30),
    dueAt: berlin(24, 0, 30),
    stageId: 'won',
    value: 10_000,
    expectedCloseMonth: '2026-11',
  }),
  lead({ id: 'L14', campaignId: '', ownerId: 'ravi', status: 'inquiry', grade: '' }),
  lead({
    id: 'L15',
    campaignId: '',
    ownerId: 'ravi',
    status: 'lead',
    grade: 'warm',
    enteredSales: berlin(12, 9),
    dueAt: berlin(17, 9),
  }),
];

const act = (
  leadId: string,
  ownerId: string,
  kind: Activity['kind'],
  at: number,
  outcomeId = '',
): Activity => ({
  id: `${leadId}-${at}`,
  createdAt: at,
  updatedAt: at,
  ownerId,
  teamId: 'team-1',
  leadId,
  kind,
  at,
  outcomeId: kind === 'call' && outcomeId === '' ? 'reached' : outcomeId,
  notes: '',
  insightTags: [],
  nextStep: '',
  nextFollowUpAt: 0,
});
const move = (leadId: string, ownerId: string, stageId: string, at: number) =>
  act(leadId, ownerId, 'note', at, `stage:${stageId}`);

export const activities: Activity[] = [
  act('L1', 'rita', 'note', berlin(16, 12), ''), // a note is not a contact
  act('L1', 'rita', 'call', berlin(16, 14)),
  move('L1', 'rita', 'proposal', berlin(18, 10)),
  move('L1', 'rita', 'won', berlin(23, 15)),
  act('L2', 'rita', 'call', berlin(20, 9)),
  move('L2', 'rita', 'demo_scheduled', berlin(20, 9, 30)),
  move('L2', 'rita', 'proposal', berlin(24, 11)),
  act('L4', 'manager', 'call', berlin(23, 10)),
  act('L4', 'ravi', 'call', berlin(24, 10)),
  move('L4', 'ravi', 'demo_scheduled', berlin(25, 14)),
  move('L4', 'ravi', 'lost', berlin(26, 16)),
  act('L6', 'rita', 'email', berlin(17, 9)),
  act('L12', 'ravi', 'call', berlin(17, 15)),
  move('L12', 'ravi', 'lost', berlin(18, 11)),
  act('L13', 'rita', 'call', berlin(23, 9)),
  move('L13', 'rita', 'won', berlin(26, 10)),
  act('L15', 'ravi', 'call', berlin(12, 10)),
];

const byLead = (id: string) => activities.filter((activity) => activity.leadId === id);

export const facts: LeadFacts[] = leads.map((record) =>
  leadFacts(record, byLead(record.id), stages, judgedAt),
);
export const factsOf = (campaignId: string) => facts.filter((fact) => fact.campaignId === campaignId);
export const fact = (id: string): LeadFacts => {
  const found = facts.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no facts for ${id}`);
  return found;
};

export const fairCampaign: Campaign = {
  id: 'camp-fair',
  createdAt: berlin(2, 9),
  updatedAt: berlin(2, 9),
  ownerId: 'mark',
  teamId: 'team-1',
  name: 'Agritechnica 2026',
  type: 'trade_show',
  startsAt: berlin(16, 9),
  endsAt: berlin(20, 18),
  budget: 10_000,
  costLines: [
    { id: 'c1', label: 'Booth space', amount: 6_000, at: berlin(3, 9) },
    { id: 'c2', label: 'Travel', amount: 1_500, at: berlin(21, 9) },
    { id: 'c3', label: 'Brochures', amount: 500, at: berlin(4, 9) },
  ],
  targets: { relevantLeads: 10, opportunities: 4, opportunityValue: 100_000, deals: 2, dealValue: 50_000 },
  followUpDays: 0,
  assignedRepIds: ['rita', 'ravi'],
};
