import './insights.css';

export { InsightsScreen } from './InsightsScreen';
