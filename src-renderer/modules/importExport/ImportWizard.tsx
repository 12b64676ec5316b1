import { useRef } from 'react';
import type { ColumnMapping } from '../../../src-shared/csv/columnMapping';
import { autoMapColumns } from '../../../src-shared/csv/columnMapping';
import type { ImportProblem } from '../../../src-shared/csv/importRows';
import { problemReportRows } from '../../../src-shared/csv/importRows';
import { useDatabase } from '../../app/DatabaseContext';
import { useSession } from '../../session/sessionStore';
import { useToasts } from '../../ui/toasts';
import { useCampaigns } from '../campaigns';
import type { CheckPhase, ImportPlan } from './checkImport';
import type { ImportStep } from './importStore';
import { useImportStore } from './importStore';
import { checkImport } from './checkImport';
import { importLeads } from './importRepository';
import { MappingStep } from './MappingStep';
import type { ParsedCsv } from './parseCsvFile';
import { parseCsvFile } from './parseCsvFile';
import { PreviewStep, Stat } from './PreviewStep';
import { fieldLabel, ProblemTable } from './ProblemTable';
import { ProgressBar } from './ProgressBar';
import { csvFileName, describeSave, saveCsv } from './saveCsv';

const stepNames = ['Choose file', 'Map columns', 'Preview', 'Import'] as const;
const stepIndex: Record<ImportStep['step'], number> = {
  choose: 0,
  reading: 0,
  map: 1,
  checking: 1,
  preview: 2,
  importing: 3,
  done: 3,
};
const phaseLabels: Record<CheckPhase, string> = {
  validating: 'Checking rows',
  duplicates: 'Looking for duplicates',
};

const rejectedSentence = (rows: number) =>
  rows === 1 ? '1 row was not imported.' : `${rows.toLocaleString()} rows were not imported.`;

/**
 * Importing inquiries from a CSV file: choose, map columns, preview, import. Every row is checked before anything
 * is written; only valid rows that duplicate nothing are imported, and the report lists every other row with its
 * reason (and any row the store did not take), so nothing is half-imported silently.
 */
export const ImportWizard = () => {
  const db = useDatabase();
  const user = useSession((state) => state.user);
  const campaigns = useCampaigns() ?? [];
  const pushToast = useToasts((state) => state.push);
  const mine = useImportStore((store) => store.userId === user.id);
  const stored = useImportStore((store) => store.current);
  const state: ImportStep = mine ? stored : { step: 'choose', error: '' };
  const campaignId = useImportStore((store) => (mine ? store.campaignId : ''));
  const setCampaignId = useImportStore((store) => store.setCampaignId);
  const start = useImportStore((store) => store.start);
  // Steps finish after the screen may have been left: they write to the store, not to component state.
  const setState = useImportStore.getState().go;
  const fileInput = useRef<HTMLInputElement>(null);
  const campaignName = (id: string) =>
    id === '' ? 'no campaign' : (campaigns.find((campaign) => campaign.id === id)?.name ?? 'the campaign');

  const read = async (file: File) => {
    start(user.id);
    setState({ step: 'reading', fileName: file.name, share: 0 });
    try {
      const parsed = await parseCsvFile(file, (share) =>
        setState({ step: 'reading', fileName: file.name, share }),
      );
      // A web-download campaign is the usual home of a list; proposed, not forced.
      if (useImportStore.getState().campaignId === '') {
        const web = campaigns.find((campaign) => campaign.type === 'web_download');
        if (web) setCampaignId(web.id);
      }
      setState({ step: 'map', parsed, mapping: autoMapColumns(parsed.headers) });
    } catch (error) {
      setState({ step: 'choose', error: error instanceof Error ? error.message : String(error) });
    }
  };

  const check = async (parsed: ParsedCsv, mapping: ColumnMapping) => {
    setState({ step: 'checking', parsed, mapping, phase: 'validating', share: 0 });
    try {
      const plan = await checkImport(db, parsed, mapping, campaignId, (phase, share) =>
        setState({ step: 'checking', parsed, mapping, phase, share }),
      );
      setState({ step: 'preview', parsed, mapping, plan });
    } catch (error) {
      pushToast(
        `Could not check the rows: ${error instanceof Error ? error.message : String(error)}`,
        'error',
      );
      setState({ step: 'map', parsed, mapping });
    }
  };

  const run = async (plan: ImportPlan) => {
    setState({ step: 'importing', plan, done: 0 });
    const result = await importLeads(db, user, plan.toImport, (done) =>
      setState({ step: 'importing', plan, done }),
    );
    const problems = [...plan.problems, ...result.notStored].sort((a, b) => a.rowNumber - b.rowNumber);
    setState({ step: 'done', plan, imported: result.imported, problems });
    pushToast(`Imported ${result.imported} ${result.imported === 1 ? 'lead' : 'leads'}`);
  };

  const downloadReport = async (problems: readonly ImportProblem[], fileName: string) => {
    const base = fileName.replace(/\.csv$/i, '').replace(/[\\/]/g, '-');
    const saved = await saveCsv(
      problemReportRows(problems, fieldLabel),
      csvFileName(`import-report-${base}`),
    );
    const { text, tone } = describeSave(saved, 'the report');
    pushToast(text, tone);
  };

  const restart = () => {
    if (fileInput.current) fileInput.current.value = '';
    setState({ step: 'choose', error: '' });
  };

  const current = stepIndex[state.step];
  return (
    <section className="card import-card" aria-labelledby="import-title">
      <h2 id="import-title">Import inquiries from CSV</h2>
      <ol className="import-steps" aria-label="Import steps">
        {stepNames.map((name, index) => (
          <li key={name} className={index === current ? 'current' : index < current ? 'done' : undefined}>
            <span className="step-number">{index + 1}</span> {name}
          </li>
        ))}
      </ol>
      {state.step === 'choose' || state.step === 'reading' ? (
        <div className="import-step">
          <label htmlFor="import-file" className="file-label">
            CSV file (web downloads, purchased lists)
          </label>
          <input
            ref={fileInput}
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            disabled={state.step === 'reading'}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void read(file);
            }}
          />
          <p className="hint">
            The first row must name the columns. Comma, semicolon or tab separated; UTF-8. Nothing is written
            until you confirm the preview.
          </p>
          {state.step === 'reading' ? (
            <ProgressBar
              label="Reading the file"
              done={state.share}
              total={1}
              text={`Reading ${state.fileName}…`}
            />
          ) : null}
          {state.step === 'choose' && state.error ? (
            <p className="field-error" role="alert">
              {state.error}
            </p>
          ) : null}
        </div>
      ) : null}
      {state.step === 'map' ? (
        <MappingStep
          parsed={state.parsed}
          mapping={state.mapping}
          campaignId={campaignId}
          campaigns={campaigns}
          onMapping={(mapping) => setState({ ...state, mapping })}
          onCampaign={setCampaignId}
          onCheck={() => void check(state.parsed, state.mapping)}
          onRestart={restart}
        />
      ) : null}
      {state.step === 'checking' ? (
        <div className="import-step">
          <ProgressBar
            label="Checking the rows"
            done={state.share}
            total={1}
            text={`${phaseLabels[state.phase]}… ${Math.round(100 * state.share)} %`}
          />
        </div>
      ) : null}
      {state.step === 'preview' ? (
        <PreviewStep
          plan={state.plan}
          campaignName={campaignName(state.plan.campaignId)}
          onImport={() => void run(state.plan)}
          onBack={() => setState({ step: 'map', parsed: state.parsed, mapping: state.mapping })}
          onDownloadReport={() => void downloadReport(state.plan.problems, state.plan.fileName)}
        />
      ) : null}
      {state.step === 'importing' ? (
        <div className="import-step">
          <ProgressBar
            label="Importing leads"
            done={state.done}
            total={state.plan.toImport.length}
            text={`${state.done.toLocaleString()} of ${state.plan.toImport.length.toLocaleString()} imported`}
          />
        </div>
      ) : null}
      {state.step === 'done' ? (
        <div className="import-step" aria-labelledby="report-title">
          <h3 id="report-title">Import report</h3>
          <p role="status" data-testid="import-summary">
            Imported {state.imported.toLocaleString()} of {state.plan.rowsRead.toLocaleString()} rows into{' '}
            {campaignName(state.plan.campaignId)}.{' '}
            {state.problems.length === 0
              ? 'No rows were rejected.'
              : rejectedSentence(new Set(state.problems.map((problem) => problem.rowNumber)).size)}
          </p>
          <div className="stats">
            <Stat label="imported" value={state.imported} tone="ok" />
            <Stat
              label="invalid"
              value={state.plan.invalidRows}
              tone={state.plan.invalidRows > 0 ? 'bad' : undefined}
            />
            <Stat
              label="duplicates"
              value={state.plan.duplicateRows}
              tone={state.plan.duplicateRows > 0 ? 'warn' : undefined}
            />
            <Stat
              label="not stored"
              value={state.problems.filter((problem) => problem.kind === 'not_stored').length}
            />
          </div>
          {state.problems.length > 0 ? (
            <ProblemTable problems={state.problems} label="Rejected rows" />
          ) : null}
          <div className="form-actions">
            {state.problems.length > 0 ? (
              <button type="button" onClick={() => void downloadReport(state.problems, state.plan.fileName)}>
                Download report (CSV)
              </button>
            ) : null}
            <button type="button" className="primary" onClick={restart}>
              Import another file
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
};
