import { useState } from 'react';
import type { Playbook } from '../../../src-shared/domain/playbook';

const versionOf = (playbook: Playbook | null | undefined): string =>
  playbook ? `${playbook.id}@${playbook.updatedAt}` : String(playbook);

/**
 * usePlaybook reads the document afresh on every render (a new object each time); effects that load data for a
 * playbook would re-run on every render and never settle. This keeps the same object until another playbook
 * document or edit arrives.
 */
export const useStablePlaybook = (playbook: Playbook | null | undefined): Playbook | null | undefined => {
  const [stable, setStable] = useState(playbook);
  if (versionOf(stable) !== versionOf(playbook)) {
    setStable(playbook);
    return playbook;
  }
  return stable;
};
