export { SyncIssuesScreen } from './SyncIssuesScreen';
