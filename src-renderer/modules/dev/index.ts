export { SettingsScreen } from './SettingsScreen';
export { generateDemoLeads } from './generateDemoLeads';
