import type { Playbook } from '../domain/playbook';

/**
 * The playbook every new team starts with (version 1): a BANT-style lead definition, an ideal prospect profile for
 * an industrial B2B product, sales stages with win probabilities and the lost reasons agreed for each. Managers
 * and marketing edit it; each edit is published as a new version.
 */
export const defaultPlaybookVersion = 1;

const lostReasons = {
  early: [
    { id: 'no_budget', label: 'No budget' },
    { id: 'no_need', label: 'No real need' },
    { id: 'unreachable', label: 'Could not reach' },
  ],
  mid: [
    { id: 'no_budget', label: 'No budget' },
    { id: 'competitor', label: 'Chose a competitor' },
    { id: 'no_decision', label: 'No decision / project stopped' },
  ],
  late: [
    { id: 'price', label: 'Price too high' },
    { id: 'competitor', label: 'Chose a competitor' },
    { id: 'features', label: 'Missing features' },
    { id: 'no_decision', label: 'No decision / project stopped' },
  ],
};

export type DefaultPlaybookInput = { id: string; teamId: string; ownerId: string; now: number };

export const createDefaultPlaybook = ({ id, teamId, ownerId, now }: DefaultPlaybookInput): Playbook => ({
  id,
  teamId,
  ownerId,
  createdAt: now,
  updatedAt: now,
  name: 'Standard lead definition',
  version: defaultPlaybookVersion,
  publishedAt: now,
  questions: [
    {
      id: 'need',
      kind: 'yesno',
      text: 'Do they have a problem our product solves?',
      points: 25,
      requiredForLead: true,
    },
    {
      id: 'authority',
      kind: 'choice',
      text: 'Are they involved in the buying decision?',
      options: [
        { id: 'decides', label: 'Decides', points: 20 },
        { id: 'influences', label: 'Influences', points: 12 },
        { id: 'none', label: 'Not involved', points: 0 },
      ],
      requiredForLead: false,
    },
    {
      id: 'budget',
      kind: 'choice',
      text: 'Is there a budget?',
      options: [
        { id: 'approved', label: 'Approved', points: 20 },
        { id: 'planned', label: 'Planned', points: 12 },
        { id: 'none', label: 'None yet', points: 0 },
      ],
      requiredForLead: false,
    },
    {
      id: 'timeline',
      kind: 'choice',
      text: 'When do they plan to buy?',
      options: [
        { id: 'within_3_months', label: 'Within 3 months', points: 25 },
        { id: 'within_12_months', label: 'Within 12 months', points: 12 },
        { id: 'later', label: 'Later than a year', points: 4 },
        { id: 'no_plan', label: 'No plan', points: 0 },
      ],
      requiredForLead: false,
    },
    {
      id: 'seats',
      kind: 'number',
      text: 'How many people would use it?',
      unit: 'users',
      bands: [
        { min: 1, points: 2 },
        { min: 10, points: 6 },
        { min: 50, points: 10 },
      ],
      requiredForLead: false,
    },
  ],
  gradeRule: {
    hotMinScore: 70,
    warmMinScore: 40,
    maxGradeByBuyingStage: {
      awareness: 'future',
      product_knowledge: 'future',
      acceptance: 'warm',
      specifying: 'hot',
      buying: 'hot',
    },
    prospectMinFit: 40,
  },
  profileCriteria: [
    {
      field: 'industry',
      label: 'Industry',
      weight: 35,
      values: [
        { id: 'manufacturing', label: 'Manufacturing', fit: 1 },
        { id: 'engineering', label: 'Engineering services', fit: 1 },
        { id: 'logistics', label: 'Logistics', fit: 0.6 },
        { id: 'retail', label: 'Retail', fit: 0.3 },
        { id: 'other', label: 'Other', fit: 0 },
      ],
    },
    {
      field: 'companySize',
      label: 'Company size',
      weight: 25,
      values: [
        { id: '1-9', label: '1-9 employees', fit: 0 },
        { id: '10-49', label: '10-49 employees', fit: 0.5 },
        { id: '50-249', label: '50-249 employees', fit: 1 },
        { id: '250-999', label: '250-999 employees', fit: 1 },
        { id: '1000+', label: '1000+ employees', fit: 0.7 },
      ],
    },
    {
      field: 'region',
      label: 'Region',
      weight: 15,
      values: [
        { id: 'territory', label: 'In our territory', fit: 1 },
        { id: 'neighbouring', label: 'Neighbouring region', fit: 0.5 },
        { id: 'outside', label: 'Outside our regions', fit: 0 },
      ],
    },
    {
      field: 'role',
      label: 'Role',
      weight: 25,
      values: [
        { id: 'executive', label: 'Executive / owner', fit: 1 },
        { id: 'manager', label: 'Department manager', fit: 0.9 },
        { id: 'specialist', label: 'Specialist / engineer', fit: 0.6 },
        { id: 'student', label: 'Student / job seeker', fit: 0 },
      ],
    },
  ],
  stages: [
    {
      id: 'qualified',
      label: 'Qualified',
      probability: 10,
      requiresValue: false,
      requiresCloseMonth: false,
      outcome: 'open',
      lostReasons: lostReasons.early,
    },
    {
      id: 'seminar_invited',
      label: 'Seminar invited',
      probability: 20,
      requiresValue: false,
      requiresCloseMonth: false,
      outcome: 'open',
      lostReasons: lostReasons.early,
    },
    {
      id: 'demo_scheduled',
      label: 'Demo scheduled',
      probability: 35,
      requiresValue: false,
      requiresCloseMonth: false,
      outcome: 'open',
      lostReasons: lostReasons.mid,
    },
    {
      id: 'proposal',
      label: 'Proposal',
      probability: 60,
      requiresValue: true,
      requiresCloseMonth: true,
      outcome: 'open',
      lostReasons: lostReasons.late,
    },
    {
      id: 'negotiation',
      label: 'Negotiation',
      probability: 80,
      requiresValue: true,
      requiresCloseMonth: true,
      outcome: 'open',
      lostReasons: lostReasons.late,
    },
    {
      id: 'won',
      label: 'Won',
      probability: 100,
      requiresValue: true,
      requiresCloseMonth: true,
      outcome: 'won',
      lostReasons: [],
    },
    {
      id: 'lost',
      label: 'Lost',
      probability: 0,
      requiresValue: false,
      requiresCloseMonth: false,
      outcome: 'lost',
      lostReasons: [],
    },
  ],
  disqualifyReasons: [
    { id: 'not_a_fit', label: 'Not our target profile' },
    { id: 'student', label: 'Student / job seeker' },
    { id: 'competitor', label: 'Competitor' },
    { id: 'duplicate', label: 'Duplicate record' },
    { id: 'invalid_contact', label: 'Invalid contact data' },
  ],
  callOutcomes: [
    { id: 'reached', label: 'Reached, talked' },
    { id: 'voicemail', label: 'Left voicemail' },
    { id: 'no_answer', label: 'No answer' },
    { id: 'call_back', label: 'Asked to call back' },
    { id: 'meeting_booked', label: 'Meeting booked' },
    { id: 'not_interested', label: 'Not interested' },
  ],
  followUp: {
    deadlineByGrade: {
      hot: { amount: 24, unit: 'hours' },
      warm: { amount: 3, unit: 'days' },
      future: { amount: 10, unit: 'days' },
    },
    businessDays: true,
    nurtureRevisitDays: 90,
  },
});
