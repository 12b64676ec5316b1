import './activities.css';

export { LogActivityForm } from './LogActivityForm';
export { NurturePanel } from './NurtureControls';
export { OwnerControl } from './OwnerControl';
export { StageControl } from './StageControl';
export { Timeline } from './Timeline';
export { activityKindLabels } from './labels';
export { utcOffsetAt } from './leadWork';
