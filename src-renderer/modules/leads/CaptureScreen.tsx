import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { useLocation } from 'wouter';
import { leadContactSchema } from '../../../src-shared/domain/lead';
import type { Lead } from '../../../src-shared/domain/lead';
import type { DuplicateMatch } from '../../../src-shared/rules/duplicates';
import { useDatabase } from '../../app/DatabaseContext';
import { useSession } from '../../session/sessionStore';
import { Field } from '../../ui/Field';
import { StatusBadge } from '../../ui/Badges';
import { useToasts } from '../../ui/toasts';
import { useObservable } from '../../ui/useObservable';
import { CampaignPicker } from './CampaignPicker';
import { useCaptureStore } from './captureStore';
import { captureLead, findDuplicates } from './leadRepository';

type ContactInput = z.input<typeof leadContactSchema>;
type ContactOutput = z.output<typeof leadContactSchema>;

const emptyContact: ContactInput = {
  firstName: '',
  lastName: '',
  company: '',
  jobTitle: '',
  email: '',
  phone: '',
  notes: '',
};

const fields: { name: keyof ContactInput; label: string; type?: string; autoComplete?: string }[] = [
  { name: 'firstName', label: 'First name', autoComplete: 'off' },
  { name: 'lastName', label: 'Last name', autoComplete: 'off' },
  { name: 'company', label: 'Company', autoComplete: 'off' },
  { name: 'jobTitle', label: 'Job title', autoComplete: 'off' },
  { name: 'email', label: 'Email', type: 'email', autoComplete: 'off' },
  { name: 'phone', label: 'Phone', type: 'tel', autoComplete: 'off' },
];

type Pending = { contact: ContactOutput; duplicates: DuplicateMatch[]; thenQualify: boolean };

const duplicateReasonText: Record<DuplicateMatch['reason'], string> = {
  email: 'same email',
  name_company: 'same name at the same company',
};

/**
 * The booth screen: type a visitor in, press Enter, next visitor. Ctrl+Enter saves and opens qualification.
 * The event being worked is remembered between captures and restarts.
 */
export const CaptureScreen = () => {
  const db = useDatabase();
  const user = useSession((state) => state.user);
  const campaignId = useCaptureStore((state) => state.campaignId);
  const pushToast = useToasts((state) => state.push);
  const [, navigate] = useLocation();
  const [pending, setPending] = useState<Pending | null>(null);
  const [saving, setSaving] = useState(false);
  const [captured, setCaptured] = useState(0);
  const thenQualify = useRef(false);
  const duplicatePanel = useRef<HTMLDivElement>(null);

  const form = useForm<ContactInput, unknown, ContactOutput>({
    resolver: zodResolver(leadContactSchema),
    defaultValues: emptyContact,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { register, handleSubmit, reset, setFocus, formState } = form;

  // Back to the first field after every capture, once the cleared form is on screen: the next visitor is waiting.
  useEffect(() => setFocus('firstName'), [setFocus, captured]);
  useEffect(() => {
    if (pending) duplicatePanel.current?.querySelector('button')?.focus();
  }, [pending]);

  const save = useCallback(
    async (contact: ContactOutput, qualifyNext: boolean) => {
      setSaving(true);
      try {
        const lead: Lead = await captureLead(db, user, { ...contact, campaignId });
        setPending(null);
        reset(emptyContact);
        pushToast(`Saved ${lead.firstName} ${lead.lastName}`);
        if (qualifyNext) navigate(`/leads/${lead.id}/qualify?from=capture`);
        else setCaptured((count) => count + 1);
      } catch (error) {
        pushToast(`Could not save: ${error instanceof Error ? error.message : String(error)}`, 'error');
      } finally {
        setSaving(false);
      }
    },
    [db, user, campaignId, reset, pushToast, navigate],
  );

  const onValid = async (contact: ContactOutput) => {
    const qualifyNext = thenQualify.current;
    thenQualify.current = false;
    const duplicates = await findDuplicates(db, contact);
    if (duplicates.length > 0) {
      setPending({ contact, duplicates, thenQualify: qualifyNext });
      return;
    }
    await save(contact, qualifyNext);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    const inNotes = event.target instanceof HTMLTextAreaElement;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      thenQualify.current = true;
      void handleSubmit(onValid)();
    } else if (inNotes && !event.shiftKey) {
      // Enter saves from every field; Shift+Enter starts a new line in the notes.
      event.preventDefault();
      void handleSubmit(onValid)();
    }
  };

  const backToForm = () => {
    setPending(null);
    setFocus('email');
  };

  return (
    <section className="screen capture-screen" aria-labelledby="capture-title">
      <header className="screen-header">
        <h1 id="capture-title">Capture</h1>
        <CampaignPicker />
      </header>
      <div className="capture-layout">
        <form
          className="card capture-form"
          noValidate
          onKeyDown={onKeyDown}
          onSubmit={(event) => {
            void handleSubmit(onValid)(event);
          }}
          aria-describedby="capture-help"
        >
          <div className="form-grid">
            {fields.map((field) => (
              <Field
                key={field.name}
                id={`capture-${field.name}`}
                label={field.label}
                error={formState.errors[field.name]?.message}
              >
                <input
                  id={`capture-${field.name}`}
                  type={field.type ?? 'text'}
                  autoComplete={field.autoComplete}
                  aria-invalid={formState.errors[field.name] ? true : undefined}
                  aria-describedby={formState.errors[field.name] ? `capture-${field.name}-error` : undefined}
                  {...register(field.name)}
                />
              </Field>
            ))}
          </div>
          <Field id="capture-notes" label="Notes" error={formState.errors.notes?.message}>
            <textarea id="capture-notes" rows={3} {...register('notes')} />
          </Field>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={saving || pending !== null}>
              Save lead
            </button>
            <button
              type="button"
              disabled={saving || pending !== null}
              onClick={() => {
                thenQualify.current = true;
                void handleSubmit(onValid)();
              }}
            >
              Save and qualify
            </button>
            <p id="capture-help" className="hint">
              <kbd>Enter</kbd> saves · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves and qualifies · <kbd>Shift</kbd>
              +<kbd>Enter</kbd> new line in notes
            </p>
          </div>
        </form>
        {pending ? (
          <div
            className="card duplicate-warning"
            role="alertdialog"
            aria-labelledby="duplicate-title"
            ref={duplicatePanel}
            onKeyDown={(event) => {
              if (event.key === 'Escape') backToForm();
            }}
          >
            <h2 id="duplicate-title">Possible duplicate</h2>
            <p>
              {pending.contact.firstName} {pending.contact.lastName} may already be in your data:
            </p>
            <ul>
              {pending.duplicates.map((match) => (
                <li key={match.lead.id}>
                  <strong>
                    {match.lead.firstName} {match.lead.lastName}
                  </strong>
                  {match.lead.company ? `, ${match.lead.company}` : ''}{' '}
                  {match.lead.email ? `<${match.lead.email}>` : ''} <StatusBadge status={match.lead.status} />{' '}
                  <em>({duplicateReasonText[match.reason]})</em>{' '}
                  <button type="button" onClick={() => navigate(`/leads/${match.lead.id}`)}>
                    Open existing
                  </button>
                </li>
              ))}
            </ul>
            <div className="form-actions">
              <button
                type="button"
                className="primary"
                onClick={() => void save(pending.contact, pending.thenQualify)}
              >
                Save anyway
              </button>
              <button type="button" onClick={backToForm}>
                Back to form
              </button>
            </div>
          </div>
        ) : null}
        <RecentCaptures />
      </div>
    </section>
  );
};

const RecentCaptures = () => {
  const db = useDatabase();
  const [, navigate] = useLocation();
  const source = useMemo(() => db.leads.find({ sort: [{ recency: 'asc' }], limit: 6 }).$, [db]);
  const recent = useObservable(source);
  if (!recent || recent.length === 0) return null;
  return (
    <aside className="card recent-captures" aria-labelledby="recent-title">
      <h2 id="recent-title">Recently captured</h2>
      <ul>
        {recent.map((lead) => (
          <li key={lead.id}>
            <span>
              {lead.firstName} {lead.lastName}
              {lead.company ? <span className="muted"> · {lead.company}</span> : null}
            </span>
            <StatusBadge status={lead.status} />
            <button
              type="button"
              className="link-button"
              onClick={() => navigate(`/leads/${lead.id}/qualify`)}
            >
              Qualify
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
};
