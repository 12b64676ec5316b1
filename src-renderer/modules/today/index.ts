import './today.css';

export { TodayScreen } from './TodayScreen';
