import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { FormProvider, useForm } from 'react-hook-form';
import type { Playbook } from '../../../src-shared/domain/playbook';
import type { PlaybookContent } from '../../../src-shared/playbook/playbookDraft';
import {
  draftErrorMessages,
  draftFromPlaybook,
  playbookDraftSchema,
} from '../../../src-shared/playbook/playbookDraft';
import { useDatabase } from '../../app/DatabaseContext';
import { useSession } from '../../session/sessionStore';
import { deepEqual } from '../../sync/documentEquality';
import { Field } from '../../ui/Field';
import { useToasts } from '../../ui/toasts';
import { draftKey, usePlaybookDrafts } from './draftStore';
import { ReadOnlyContext } from './editorForm';
import { OutdatedDraftNotice } from './OutdatedDraftNotice';
import { ProfileSection } from './ProfileSection';
import { publishPlaybook } from './publishPlaybook';
import { PublishPanel } from './PublishPanel';
import { QuestionsSection } from './QuestionsSection';
import { ReasonList } from './ReasonList';
import { FollowUpSection, GradeRuleSection } from './RuleSections';
import { StagesSection } from './StagesSection';

/**
 * The playbook form. Managers and marketing edit a draft of `base` (kept in the draft store until published or
 * discarded); reps see the version in force read-only. Mounted per base version: a new base is a new form.
 */
export const PlaybookEditor = ({
  base,
  newest,
  readOnly,
  aside,
}: {
  base: Playbook;
  newest: Playbook;
  readOnly: boolean;
  /** Shown in the side column under the draft panel. */
  aside: ReactNode;
}) => {
  const db = useDatabase();
  const user = useSession((state) => state.user);
  const key = draftKey(user);
  const saveDraft = usePlaybookDrafts((state) => state.save);
  const discardDraft = usePlaybookDrafts((state) => state.discard);
  const pushToast = useToasts((state) => state.push);
  const baseContent = useMemo(() => draftFromPlaybook(base), [base]);
  const [initial] = useState(() => {
    const stored = usePlaybookDrafts.getState().drafts[key];
    return !readOnly && stored?.baseId === base.id ? stored.content : baseContent;
  });
  const form = useForm<PlaybookContent>({
    defaultValues: initial,
    resolver: zodResolver(playbookDraftSchema, { error: draftErrorMessages }),
    mode: 'onTouched',
  });
  const [confirming, setConfirming] = useState<PlaybookContent | null>(null);
  const [publishing, setPublishing] = useState(false);

  // Every edit goes to the draft store; editing back to the published content leaves no draft behind.
  useEffect(() => {
    if (readOnly) return undefined;
    const subscription = form.watch((values) => {
      if (deepEqual(values, baseContent)) discardDraft(key);
      else
        saveDraft(key, {
          baseId: base.id,
          baseVersion: base.version,
          content: structuredClone(values) as PlaybookContent,
          savedAt: Date.now(),
        });
    });
    return () => subscription.unsubscribe();
  }, [form, readOnly, baseContent, base, key, saveDraft, discardDraft]);

  const discard = () => {
    setConfirming(null);
    discardDraft(key);
    form.reset(baseContent);
  };

  const publish = async () => {
    if (!confirming) return;
    setPublishing(true);
    try {
      const result = await publishPlaybook(db, user, base, confirming);
      setConfirming(null);
      if (result.ok) {
        discardDraft(key);
        pushToast(`Published v${result.playbook.version} to every device of the team`);
      } else if (result.reason === 'outdated') {
        pushToast(`v${result.newest.version} was published meanwhile; your draft was not published`, 'error');
      } else {
        for (const problem of result.problems)
          form.setError(problem.path.join('.') as never, { message: problem.message });
      }
    } catch (error) {
      pushToast(`Could not publish: ${error instanceof Error ? error.message : String(error)}`, 'error');
    } finally {
      setPublishing(false);
    }
  };

  const keepOnNewest = () =>
    saveDraft(key, {
      baseId: newest.id,
      baseVersion: newest.version,
      content: structuredClone(form.getValues()),
      savedAt: Date.now(),
    });

  return (
    <ReadOnlyContext.Provider value={readOnly}>
      <FormProvider {...form}>
        {!readOnly && newest.version > base.version ? (
          <OutdatedDraftNotice
            base={base}
            newest={newest}
            onLoadNewest={() => discardDraft(key)}
            onKeepDraft={keepOnNewest}
          />
        ) : null}
        <form
          className={readOnly ? 'playbook-layout read-only' : 'playbook-layout'}
          aria-label="Playbook"
          noValidate
          onSubmit={(event) => void form.handleSubmit((content) => setConfirming(content))(event)}
        >
          <fieldset className="playbook-sections" disabled={readOnly || confirming !== null}>
            <section className="card editor-section" aria-labelledby="general-title">
              <h2 id="general-title">Lead definition</h2>
              <Field id="name" label="Name" error={form.formState.errors.name?.message}>
                <input id="name" {...form.register('name')} />
              </Field>
            </section>
            <QuestionsSection />
            <GradeRuleSection />
            <ProfileSection />
            <StagesSection />
            <section className="card editor-section" aria-labelledby="disqualify-title">
              <h2 id="disqualify-title">Disqualification reasons</h2>
              <ReasonList
                name="disqualifyReasons"
                noun="reason"
                title="Disqualification reasons"
                minimum={1}
              />
            </section>
            <section className="card editor-section" aria-labelledby="outcomes-title">
              <h2 id="outcomes-title">Call outcomes</h2>
              <ReasonList name="callOutcomes" noun="outcome" title="Call outcomes" minimum={1} />
            </section>
            <FollowUpSection />
          </fieldset>
          <div className="playbook-side">
            {readOnly ? null : (
              <PublishPanel
                base={base}
                baseContent={baseContent}
                confirming={confirming}
                publishing={publishing}
                onDiscard={discard}
                onConfirm={() => void publish()}
                onCancel={() => setConfirming(null)}
              />
            )}
            {aside}
          </div>
        </form>
      </FormProvider>
    </ReadOnlyContext.Provider>
  );
};
