export { CaptureScreen } from './CaptureScreen';
export { LeadsScreen } from './LeadsScreen';
export { LeadPage } from './LeadPage';
export { QualifyScreen } from './QualifyScreen';
