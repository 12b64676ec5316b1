import { createContext, useContext } from 'react';
import type { FieldErrors } from 'react-hook-form';
import { get } from 'react-hook-form';
import type { QualifyingQuestion, SalesStage } from '../../../src-shared/domain/playbook';
import type { PlaybookContent } from '../../../src-shared/playbook/playbookDraft';
import { newItemId } from '../../../src-shared/playbook/playbookDraft';

/** Reps see the playbook in force read-only: the same screen without the editing controls. */
export const ReadOnlyContext = createContext(false);
export const useReadOnly = (): boolean => useContext(ReadOnlyContext);

export type DraftErrors = FieldErrors<PlaybookContent>;

/**
 * The message for a field or a list. A problem of a whole list (say "add exactly one won stage") sits at
 * `<list>.root` when the list is a field array, at `<list>` otherwise.
 */
export const errorAt = (errors: DraftErrors, path: string): string | undefined => {
  const message: unknown = get(errors, `${path}.root.message`) ?? get(errors, `${path}.message`);
  return typeof message === 'string' ? message : undefined;
};

export const questionKindLabels: Record<QualifyingQuestion['kind'], string> = {
  yesno: 'Yes / no',
  choice: 'Choice',
  number: 'Number',
};

export const newQuestion = (kind: QualifyingQuestion['kind']): QualifyingQuestion => {
  const id = newItemId('q');
  switch (kind) {
    case 'yesno':
      return { id, kind, text: '', points: 10, requiredForLead: false };
    case 'choice':
      return {
        id,
        kind,
        text: '',
        requiredForLead: false,
        options: [
          { id: newItemId('opt'), label: '', points: 10 },
          { id: newItemId('opt'), label: '', points: 0 },
        ],
      };
    case 'number':
      return { id, kind, text: '', unit: '', requiredForLead: false, bands: [{ min: 1, points: 10 }] };
  }
};

export const newStage = (): SalesStage => ({
  id: newItemId('stage'),
  label: '',
  probability: 50,
  requiresValue: false,
  requiresCloseMonth: false,
  outcome: 'open',
  lostReasons: [],
});

export const newReason = () => ({ id: newItemId('reason'), label: '' });
