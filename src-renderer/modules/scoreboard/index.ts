export { ScoreboardScreen } from './ScoreboardScreen';
