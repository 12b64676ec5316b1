import './pipeline.css';

export { PipelineReviewScreen } from './PipelineReviewScreen';
export { loadActivitiesOfLeads, loadActivitiesSince, watchCollections } from './activityQueries';
export { money, monthLabel } from './formats';
export { nameOf } from './teamMembers';
export { useTeamMembers } from '../campaigns';
export type { TeamMember } from '../campaigns';
