import type { Lead } from '../domain/lead';
import { deriveLeadFields } from '../domain/lead';
import type { Playbook } from '../domain/playbook';
import { newId } from '../domain/ids';
import { newLeadFromCapture } from '../rules/capture';
import { qualify } from '../rules/qualification';
import { buyingStages } from '../domain/vocabulary';

/**
 * Plausible generated leads for trying the app (and measuring it) at realistic volumes. Deterministic for a seed,
 * and distributed like the field: about a third are qualified, of those few are hot.
 */
const firstNames = [
  'Anna',
  'Ben',
  'Clara',
  'David',
  'Elif',
  'Felix',
  'Greta',
  'Hugo',
  'Ines',
  'Jonas',
  'Karin',
  'Luca',
  'Mila',
  'Noah',
  'Olga',
  'Paul',
  'Rosa',
  'Sami',
  'Tara',
  'Umut',
  'Vera',
  'Wim',
  'Yara',
  'Zoe',
];
const lastNames = [
  'Becker',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'García',
  'Hansen',
  'Ivanova',
  'Jansen',
  'Kowalski',
  'Lindqvist',
  'Müller',
  'Novak',
  'Okafor',
  'Petrov',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Urban',
  'Vogel',
  'Weber',
  'Yilmaz',
  'Zeller',
];
const companyStems = [
  'Alpen',
  'Baltic',
  'Nordic',
  'Rhein',
  'Danube',
  'Atlas',
  'Vector',
  'Quantum',
  'Helix',
  'Orbit',
  'Summit',
  'Granite',
  'Harbor',
  'Meridian',
  'Pioneer',
];
const companySuffixes = [
  'Tooling',
  'Logistics',
  'Engineering',
  'Plastics',
  'Automation',
  'Metals',
  'Systems',
  'Foods',
  'Robotics',
  'Textiles',
];
const legalForms = ['GmbH', 'AG', 'Ltd', 'BV', 'SA', 'Oy', 'AB', 'Inc'];
const titles = [
  'Plant Manager',
  'Head of Operations',
  'CTO',
  'Purchasing Manager',
  'Process Engineer',
  'CEO',
  'Maintenance Lead',
  'Student',
];

/** Small seeded PRNG (mulberry32): same seed, same data, in any runtime. */
const seededRandom = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export type GenerateLeadsOptions = {
  count: number;
  playbook: Playbook;
  ownerIds: readonly string[];
  teamId: string;
  campaignIds: readonly string[];
  seed?: number;
  /** Newest lead's creation time; earlier leads are spread over the preceding year. */
  now?: number;
};

export const generateLeads = (options: GenerateLeadsOptions, offset = 0): Lead[] => {
  const random = seededRandom((options.seed ?? 42) + offset * 7919);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const now = options.now ?? Date.now();
  const yearMs = 365 * 24 * 3_600_000;
  const leads: Lead[] = [];
  for (let i = 0; i < options.count; i += 1) {
    const serial = offset + i;
    const createdAt = Math.round(now - yearMs * (1 - serial / Math.max(1, offset + options.count)));
    const firstName = pick(firstNames);
    const lastName = pick(lastNames);
    const company = `${pick(companyStems)} ${pick(companySuffixes)} ${pick(legalForms)}`;
    const domain = company
      .toLowerCase()
      .replace(/[^a-z]+/g, '')
      .slice(0, 18);
    const base = newLeadFromCapture(
      {
        firstName,
        lastName,
        company,
        jobTitle: pick(titles),
        email: `${firstName}.${lastName}.${serial}@${domain}.example`
          .toLowerCase()
          .normalize('NFKD')
          .replace(/[\u0300-\u036f]/g, ''),
        phone: `+49 30 ${String(1_000_000 + serial).slice(-7)}`,
        notes: '',
        campaignId: options.campaignIds.length > 0 ? pick(options.campaignIds) : '',
      },
      { id: newId(createdAt), now: createdAt, ownerId: pick(options.ownerIds), teamId: options.teamId },
    );
    if (random() < 0.35) {
      const answers = {
        need: random() < 0.85,
        authority: pick(['decides', 'influences', 'none']),
        budget: pick(['approved', 'planned', 'none']),
        timeline: pick(['within_3_months', 'within_12_months', 'later', 'no_plan']),
        seats: Math.floor(random() * 120),
      };
      const profile = {
        industry: pick(['manufacturing', 'engineering', 'logistics', 'retail', 'other']),
        companySize: pick(['1-9', '10-49', '50-249', '250-999', '1000+']),
        region: pick(['territory', 'neighbouring', 'outside']),
        role: pick(['executive', 'manager', 'specialist', 'student']),
      };
      const buyingStage = pick(buyingStages);
      const result = qualify(options.playbook, { answers, profile, buyingStage });
      const status = result.suggestedStatus;
      const grade = status === 'lead' || status === 'nurture' ? (result.grade ?? '') : '';
      const qualified: Lead = {
        ...base,
        answers,
        profile,
        buyingStage,
        fitScore: result.fitScore,
        qualificationScore: result.qualificationScore,
        status: status === 'disqualified' ? 'disqualified' : status,
        grade,
        reasonId: status === 'disqualified' ? (options.playbook.disqualifyReasons[0]?.id ?? '') : '',
        stageId: status === 'lead' ? (options.playbook.stages[0]?.id ?? '') : '',
        revisitAt: status === 'nurture' ? createdAt + 90 * 24 * 3_600_000 : 0,
        nurtureOwnerId: status === 'nurture' ? base.ownerId : '',
        playbookId: options.playbook.id,
        playbookVersion: options.playbook.version,
        qualifiedAt: createdAt,
        statusHistory:
          status === 'inquiry'
            ? []
            : [
                {
                  at: createdAt,
                  by: base.ownerId,
                  from: 'inquiry',
                  to: status,
                  grade,
                  reasonId: '',
                  note: 'generated',
                },
              ],
      };
      leads.push({ ...qualified, ...deriveLeadFields(qualified) });
    } else {
      leads.push(base);
    }
  }
  return leads;
};
