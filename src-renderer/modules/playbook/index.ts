export { ensurePlaybook, usePlaybook } from './usePlaybook';
