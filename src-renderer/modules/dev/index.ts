export { SettingsScreen } from './SettingsScreen';
export { generateDemoLeads } from './generateDemoLeads';
export { exposeDeveloperHooks } from './developerHooks';
export type { DeveloperHooks } from './developerHooks';
