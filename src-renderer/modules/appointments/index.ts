export { CalendarScreen } from './CalendarScreen';
export { LeadAppointmentsPanel } from './LeadAppointmentsPanel';
