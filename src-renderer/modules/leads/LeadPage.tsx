import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { useLocation, useSearch } from 'wouter';
import { leadCaptureSchema } from '../../../src-shared/domain/lead';
import type { Lead } from '../../../src-shared/domain/lead';
import type { Playbook } from '../../../src-shared/domain/playbook';
import { buyingStageLabels, leadStatusLabels } from '../../../src-shared/domain/vocabulary';
import { useDatabase } from '../../app/DatabaseContext';
import { EmptyState } from '../../ui/EmptyState';
import { FitMeter, GradeBadge, StatusBadge } from '../../ui/Badges';
import { Field } from '../../ui/Field';
import { useToasts } from '../../ui/toasts';
import { LogActivityForm, NurturePanel, OwnerControl, StageControl, Timeline } from '../activities';
import { LeadAppointmentsPanel } from '../appointments';
import { useCampaigns } from '../campaigns';
import { usePlaybook } from '../playbook';
import { findDuplicates, updateLeadContact } from './leadRepository';
import { useLead } from './useLead';

type ContactInput = z.input<typeof leadCaptureSchema>;
type ContactOutput = z.output<typeof leadCaptureSchema>;

const contactFields: {
  name: Exclude<keyof ContactInput, 'notes' | 'campaignId'>;
  label: string;
  type?: string;
}[] = [
  { name: 'firstName', label: 'First name' },
  { name: 'lastName', label: 'Last name' },
  { name: 'company', label: 'Company' },
  { name: 'jobTitle', label: 'Job title' },
  { name: 'email', label: 'Email', type: 'email' },
  { name: 'phone', label: 'Phone', type: 'tel' },
];

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** One lead: log what happened, see its timeline, move it through the stages or to nurture, edit the contact. */
export const LeadPage = ({ id }: { id: string }) => {
  const lead = useLead(id);
  const playbook = usePlaybook();
  const fromToday = new URLSearchParams(useSearch()).get('from') === 'today';
  if (lead === undefined) return <p className="loading">Loading…</p>;
  if (lead === null)
    return <EmptyState title="Lead not found">It may have been removed from this device.</EmptyState>;
  return (
    <section className="screen lead-page" aria-labelledby="lead-title">
      <header className="screen-header">
        <div>
          <h1 id="lead-title">
            {lead.firstName} {lead.lastName}
          </h1>
          <p className="muted">
            {[lead.jobTitle, lead.company].filter(Boolean).join(', ')} <StatusBadge status={lead.status} />{' '}
            {lead.grade ? <GradeBadge grade={lead.grade} /> : null}
          </p>
        </div>
        <div className="form-actions">
          {fromToday ? (
            <a className="button" href="#/today">
              ← Back to Today
            </a>
          ) : null}
          <a className="button primary" href={`#/leads/${lead.id}/qualify`}>
            Qualify
          </a>
        </div>
      </header>
      <div className="lead-layout">
        <div className="lead-main">
          {playbook ? <LogActivityForm lead={lead} playbook={playbook} autoFocus={fromToday} /> : null}
          <Timeline lead={lead} playbook={playbook ?? null} />
          <ContactForm key={`${lead.id}:${lead.updatedAt}`} lead={lead} />
        </div>
        <div className="lead-side">
          {playbook && lead.status === 'lead' ? (
            <StageControl key={lead.stageId} lead={lead} playbook={playbook} />
          ) : null}
          {playbook && lead.status === 'nurture' ? (
            <NurturePanel key={lead.buyingStage} lead={lead} playbook={playbook} />
          ) : null}
          {playbook ? <OwnerControl key={lead.ownerId} lead={lead} playbook={playbook} /> : null}
          {/* appointments panel */}
          <LeadAppointmentsPanel lead={lead} />
          <QualificationSummary lead={lead} playbook={playbook ?? null} />
          <StatusHistory lead={lead} playbook={playbook ?? null} />
        </div>
      </div>
    </section>
  );
};

const ContactForm = ({ lead }: { lead: Lead }) => {
  const db = useDatabase();
  const campaigns = useCampaigns();
  const pushToast = useToasts((state) => state.push);
  const [, navigate] = useLocation();
  const [duplicateNote, setDuplicateNote] = useState('');
  const { register, handleSubmit, formState, reset } = useForm<ContactInput, unknown, ContactOutput>({
    resolver: zodResolver(leadCaptureSchema),
    defaultValues: {
      firstName: lead.firstName,
      lastName: lead.lastName,
      company: lead.company,
      jobTitle: lead.jobTitle,
      email: lead.email,
      phone: lead.phone,
      notes: lead.notes,
      campaignId: lead.campaignId,
    },
    mode: 'onBlur',
  });

  const onSubmit = async (contact: ContactOutput) => {
    const duplicates = await findDuplicates(db, contact, lead.id);
    setDuplicateNote(
      duplicates.length > 0
        ? `Also in your data: ${duplicates.map((match) => `${match.lead.firstName} ${match.lead.lastName}`).join(', ')}`
        : '',
    );
    try {
      await updateLeadContact(db, lead.id, contact);
      pushToast('Changes saved');
    } catch (error) {
      pushToast(`Could not save: ${error instanceof Error ? error.message : String(error)}`, 'error');
    }
  };

  return (
    <form
      className="card"
      noValidate
      onSubmit={(event) => void handleSubmit(onSubmit)(event)}
      aria-label="Contact details"
    >
      <h2>Contact</h2>
      <div className="form-grid">
        {contactFields.map((field) => (
          <Field
            key={field.name}
            id={`lead-${field.name}`}
            label={field.label}
            error={formState.errors[field.name]?.message}
          >
            <input
              id={`lead-${field.name}`}
              type={field.type ?? 'text'}
              aria-invalid={formState.errors[field.name] ? true : undefined}
              {...register(field.name)}
            />
          </Field>
        ))}
        <Field id="lead-campaign" label="Campaign / event">
          <select id="lead-campaign" {...register('campaignId')}>
            <option value="">No campaign</option>
            {campaigns?.map((campaign) => (
              <option key={campaign.id} value={campaign.id}>
                {campaign.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id="lead-notes" label="Notes" error={formState.errors.notes?.message}>
        <textarea id="lead-notes" rows={4} {...register('notes')} />
      </Field>
      {duplicateNote ? (
        <p className="warning" role="status">
          {duplicateNote}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!formState.isDirty || formState.isSubmitting}>
          Save changes
        </button>
        <button type="button" disabled={!formState.isDirty} onClick={() => reset()}>
          Discard changes
        </button>
        <button type="button" onClick={() => navigate('/leads')}>
          Back to list
        </button>
      </div>
    </form>
  );
};

const QualificationSummary = ({ lead, playbook }: { lead: Lead; playbook: Playbook | null }) => {
  if (lead.playbookVersion === 0) {
    return (
      <div className="card">
        <h2>Qualification</h2>
        <p className="muted">Not qualified yet.</p>
      </div>
    );
  }
  const answered = playbook?.questions.filter((question) => lead.answers[question.id] !== undefined) ?? [];
  const answerText = (questionId: string): string => {
    const question = playbook?.questions.find((candidate) => candidate.id === questionId);
    const answer = lead.answers[questionId];
    if (question?.kind === 'choice')
      return question.options.find((option) => option.id === answer)?.label ?? String(answer);
    if (typeof answer === 'boolean') return answer ? 'Yes' : 'No';
    return String(answer);
  };
  return (
    <div className="card">
      <h2>Qualification</h2>
      <dl className="score-list">
        <dt>Fit score</dt>
        <dd>
          <FitMeter score={lead.fitScore} />
        </dd>
        <dt>Qualification score</dt>
        <dd>
          <FitMeter score={lead.qualificationScore} label="Score" />
        </dd>
        <dt>Buying stage</dt>
        <dd>{lead.buyingStage ? buyingStageLabels[lead.buyingStage] : 'Not known'}</dd>
        {lead.status === 'nurture' ? (
          <>
            <dt>Revisit on</dt>
            <dd data-testid="revisit-at">{dateOnly.format(lead.revisitAt)}</dd>
          </>
        ) : null}
        {lead.followUpDueAt > 0 ? (
          <>
            <dt>Follow up by</dt>
            <dd>{dateTime.format(lead.followUpDueAt)}</dd>
          </>
        ) : null}
        <dt>Judged by</dt>
        <dd>Playbook v{lead.playbookVersion}</dd>
      </dl>
      {answered.length > 0 ? (
        <ul className="answers" aria-label="Answers">
          {answered.map((question) => (
            <li key={question.id}>
              <span className="muted">{question.text}</span> <strong>{answerText(question.id)}</strong>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
};

const StatusHistory = ({ lead, playbook }: { lead: Lead; playbook: Playbook | null }) => {
  const reasonLabel = (id: string) =>
    playbook?.disqualifyReasons.find((reason) => reason.id === id)?.label ?? id;
  return (
    <div className="card">
      <h2>Status history</h2>
      {lead.statusHistory.length === 0 ? (
        <p className="muted">
          Captured {dateTime.format(lead.createdAt)} as an inquiry; no status changes yet.
        </p>
      ) : (
        <ol className="history" aria-label="Status history">
          {[...lead.statusHistory].reverse().map((entry) => (
            <li key={`${entry.at}-${entry.to}`}>
              <time dateTime={new Date(entry.at).toISOString()}>{dateTime.format(entry.at)}</time>{' '}
              {leadStatusLabels[entry.from]} → <strong>{leadStatusLabels[entry.to]}</strong>
              {entry.grade ? ` (${entry.grade})` : ''}
              {entry.reasonId ? ` · ${reasonLabel(entry.reasonId)}` : ''}
              {entry.note ? ` · “${entry.note}”` : ''}
            </li>
          ))}
          <li>
            <time dateTime={new Date(lead.createdAt).toISOString()}>{dateTime.format(lead.createdAt)}</time>{' '}
            Captured as an inquiry
          </li>
        </ol>
      )}
    </div>
  );
};
