import { useSession } from '../../session/sessionStore';
import { ExportPanel } from './ExportPanel';
import { ImportWizard } from './ImportWizard';

/** Marketing's and managers' data exchange: inquiries in from CSV lists, leads, activities and results out. */
export const ImportScreen = () => {
  const role = useSession((state) => state.user.role);
  const mayImport = role === 'manager' || role === 'marketing' || role === 'admin';
  return (
    <section className="screen import-screen" aria-labelledby="import-screen-title">
      <header className="screen-header">
        <div>
          <h1 id="import-screen-title">Import and export</h1>
          <p className="muted">
            Inquiry lists in, leads, activities and campaign results out, all on this device.
          </p>
        </div>
      </header>
      {mayImport ? (
        <ImportWizard />
      ) : (
        <p className="notice">Inquiry lists are imported by marketing or your manager.</p>
      )}
      <ExportPanel />
    </section>
  );
};
