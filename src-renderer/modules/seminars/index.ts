export { SeminarsScreen } from './SeminarsScreen';
export { PlacementBadge, SeatMeter } from './SeminarCard';
export { SeatNotices, useSeatNotices } from './seatNotices';
export type { SeatNotice } from './seatNotices';
export { canBookAppointments, canManageSeminars } from './permissions';
export {
  inviteToSeminar,
  invitesOfSeminarsQuery,
  setInviteeStatus,
  withdrawInvite,
} from './seminarRepository';
export type { InviteResult } from './seminarRepository';
export { useLeadsById, useSeatings, useSeminarsBetween, useSeminarsFrom } from './useSeminars';
export type { SeminarWithSeats } from './useSeminars';
export { dateTimeFormat, fromDateTimeInputs, timeFormat, toDateInput, toTimeInput } from './dateInputs';
