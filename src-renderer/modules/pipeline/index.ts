import './pipeline.css';

export { PipelineReviewScreen } from './PipelineReviewScreen';
export { loadActivitiesOfLeads, loadActivitiesSince, watchCollections } from './activityQueries';
export { money, monthLabel } from './formats';
export { nameOf, useTeamMembers } from './teamMembers';
export { useStablePlaybook } from './stablePlaybook';
export type { TeamMember } from './teamMembers';
