import type {
  ActivityKind,
  DemoStatus,
  InsightTag,
  InviteeStatus,
} from '../../../src-shared/domain/vocabulary';

export const activityKindLabels: Record<ActivityKind, string> = {
  call: 'Call',
  email: 'Email',
  visit: 'Visit',
  note: 'Note',
};

export const insightTagLabels: Record<InsightTag, string> = {
  needs: 'Needs',
  cares_about: 'Cares about',
  complains_about: 'Complains about',
  reacts_to: 'Reacts to',
};

export const demoStatusLabels: Record<DemoStatus, string> = {
  scheduled: 'scheduled',
  done: 'done',
  cancelled: 'cancelled',
  no_show: 'no-show',
};

export const inviteeStatusLabels: Record<InviteeStatus, string> = {
  invited: 'invited',
  registered: 'registered',
  attended: 'attended',
  no_show: 'no-show',
};
