import { useMemo } from 'react';
import type { Campaign } from '../../../src-shared/domain/campaign';
import {
  leaderboardPoints,
  onTimeFollowUpRate,
  recentIsoWeeks,
  scoreboardByWeek,
} from '../../../src-shared/rules/metrics';
import type {
  FollowUpTally,
  IsoWeek,
  LeaderboardEntry,
  LeadFacts,
  ScoreboardRow,
} from '../../../src-shared/rules/metrics';
import type { LeadScope, ScanProgress, TeamMember } from '../campaigns';
import { followsUpLeads, memberName, useCampaigns, useLeadFacts, useTeamMembers } from '../campaigns';
import { useSession } from '../../session/sessionStore';
import { usePlaybook } from '../playbook';
import { useScoreboardView } from './scoreboardStore';

/** The user's offset from UTC at each moment, so weeks follow daylight-saving changes. */
const localOffset = (at: number): number => -new Date(at).getTimezoneOffset();
const dayMs = 86_400_000;

export type LabelledRow = ScoreboardRow & { label: string };

export type Scoreboard = {
  weeks: IsoWeek[];
  rows: LabelledRow[];
  leaderboard: (LeaderboardEntry & { label: string })[];
  /** Follow-up judgement of the leads assigned within the weeks shown. */
  followUp: FollowUpTally;
  members: TeamMember[];
  campaigns: Campaign[];
};

const overlaps = (campaign: Campaign, from: number, to: number) =>
  campaign.startsAt < to && campaign.endsAt >= from;

/**
 * The scoreboard's rows for the chosen grouping, weeks and filter, from the facts of the records in scope (one
 * campaign's via its index, one owner's, or everything on the device), computed in pages (useLeadFacts).
 */
export const useScoreboard = (): {
  board: Scoreboard | undefined;
  progress: ScanProgress | null;
  error: string | null;
  /** Which scope (scopeKey) the board shows complete figures for; tools read it to know the board is done. */
  currentFor: string | undefined;
} => {
  const view = useScoreboardView();
  const playbook = usePlaybook();
  const campaigns = useCampaigns();
  const members = useTeamMembers();
  const me = useSession((state) => state.user);
  const scope = useMemo((): LeadScope => {
    if (view.groupBy === 'rep' && view.campaignId) return { kind: 'campaign', campaignId: view.campaignId };
    if (view.groupBy === 'campaign' && view.ownerId) return { kind: 'owner', ownerId: view.ownerId };
    return { kind: 'all' };
  }, [view.groupBy, view.campaignId, view.ownerId]);
  const { facts, progress, error, currentFor } = useLeadFacts(scope, playbook?.stages);

  const board = useMemo((): Scoreboard | undefined => {
    if (!facts || !campaigns) return undefined;
    // Weeks end with the current one; recomputed with every new set of facts, so a new week appears after a scan.
    const weeks = recentIsoWeeks(Date.now(), view.weekCount, localOffset);
    const first = weeks[0];
    const from = first ? first.monday * dayMs - localOffset(first.monday * dayMs) * 60_000 : 0;
    const to = Date.now();
    const names = new Map(campaigns.map((campaign) => [campaign.id, campaign.name]));
    // A rep's device holds only the rep's own leads: listing colleagues would show them falsely at zero.
    const people = me.role === 'rep' ? [me.id] : members.filter(followsUpLeads).map((member) => member.id);
    const keys =
      view.groupBy === 'rep'
        ? people
        : campaigns.filter((campaign) => overlaps(campaign, from, to)).map((campaign) => campaign.id);
    const rows = scoreboardByWeek(facts, { groupBy: view.groupBy, weeks, utcOffset: localOffset, keys }).map(
      (row) => ({
        ...row,
        label:
          view.groupBy === 'rep'
            ? memberName(members, row.key)
            : row.key === ''
              ? 'No campaign'
              : (names.get(row.key) ?? 'Campaign not on this device'),
      }),
    );
    const labels = new Map(rows.map((row) => [row.key, row.label]));
    const inWindow = (fact: LeadFacts) => fact.assignedAt >= from;
    return {
      weeks,
      rows,
      leaderboard: leaderboardPoints(rows).map((entry) => ({
        ...entry,
        label: labels.get(entry.key) ?? entry.key,
      })),
      followUp: onTimeFollowUpRate(facts.filter(inWindow)),
      members,
      campaigns,
    };
  }, [facts, campaigns, members, me, view.groupBy, view.weekCount]);

  return { board, progress, error, currentFor: board ? currentFor : undefined };
};
