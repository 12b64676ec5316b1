import { useEffect } from 'react';
import { Link, Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { CaptureScreen, LeadPage, LeadsScreen, QualifyScreen } from '../modules/leads';
import { SettingsScreen } from '../modules/dev';
import { CalendarScreen } from '../modules/appointments';
import { SeminarsScreen } from '../modules/seminars';
import { SyncIssuesScreen } from '../modules/syncReview';
import { TodayScreen } from '../modules/today';
import { PlaybookEditorScreen } from '../modules/playbookEditor';
import { ScoreboardScreen } from '../modules/scoreboard';
import { CampaignPage, CampaignsScreen } from '../modules/campaigns';
import { ImportScreen } from '../modules/importExport';
import { InsightsScreen } from '../modules/insights';
import { PipelineReviewScreen } from '../modules/pipeline';
import type { Role } from '../../src-shared/domain/vocabulary';
import { useSession } from '../session/sessionStore';
import { EmptyState } from '../ui/EmptyState';
import { Toaster } from '../ui/toasts';
import { SyncIndicator } from './SyncIndicator';

type NavItem = { path: string; label: string; key?: string; roles?: readonly Role[] };

/** Field work first (what a rep does all day), then the office screens, then settings. */
const navigationGroups: { label: string; items: NavItem[] }[] = [
  {
    label: 'Field',
    items: [
      { path: '/today', label: 'Today', key: '1' },
      { path: '/capture', label: 'Capture', key: '2' },
      { path: '/leads', label: 'Leads', key: '3' },
      { path: '/calendar', label: 'Calendar', key: '4' },
      { path: '/seminars', label: 'Seminars', key: '5' },
    ],
  },
  {
    label: 'Office',
    items: [
      { path: '/pipeline', label: 'Pipeline', key: '6' },
      { path: '/campaigns', label: 'Campaigns', key: '7' },
      { path: '/scoreboard', label: 'Scoreboard', key: '8' },
      { path: '/insights', label: 'Insights', key: '9' },
      { path: '/playbook', label: 'Playbook' },
      { path: '/import', label: 'Import / export', roles: ['manager', 'marketing'] },
    ],
  },
  { label: '', items: [{ path: '/settings', label: 'Settings', key: '0' }] },
];

const navigation: NavItem[] = navigationGroups.flatMap((group) => group.items);

/** Alt+0..9 jump between the main screens from anywhere, including from inside a form. */
const useNavigationShortcuts = () => {
  const [, navigate] = useLocation();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const target = navigation.find((item) => item.key === event.key);
      if (target) {
        event.preventDefault();
        navigate(target.path);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
};

const Shell = () => {
  const [location] = useLocation();
  const user = useSession((state) => state.user);
  useNavigationShortcuts();
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">Fairlead</div>
        {navigationGroups.map((group) => (
          <div key={group.label || 'more'} className="nav-group">
            {group.label ? <div className="nav-group-label">{group.label}</div> : null}
            <ul>
              {group.items
                .filter((item) => !item.roles || item.roles.includes(user.role))
                .map((item) => (
                  <li key={item.path}>
                    <Link
                      href={item.path}
                      className={location.startsWith(item.path) ? 'active' : ''}
                      aria-current={location.startsWith(item.path) ? 'page' : undefined}
                      title={item.key ? `Alt+${item.key}` : undefined}
                    >
                      {item.label}
                    </Link>
                  </li>
                ))}
            </ul>
          </div>
        ))}
        <div className="sidebar-footer muted">{user.name}</div>
      </nav>
      <div className="main">
        <header className="topbar">
          <SyncIndicator />
        </header>
        <main>
          <Switch>
            <Route path="/today" component={TodayScreen} />
            <Route path="/capture" component={CaptureScreen} />
            <Route path="/leads">{() => <LeadsScreen />}</Route>
            <Route path="/leads/:id/qualify">{(params) => <QualifyScreen id={params.id} />}</Route>
            <Route path="/leads/:id">{(params) => <LeadPage id={params.id} />}</Route>
            <Route path="/settings" component={SettingsScreen} />
            <Route path="/seminars" component={SeminarsScreen} />
            <Route path="/calendar" component={CalendarScreen} />
            <Route path="/sync" component={SyncIssuesScreen} />
            <Route path="/playbook" component={PlaybookEditorScreen} />
            <Route path="/scoreboard" component={ScoreboardScreen} />
            <Route path="/campaigns/:id">{(params) => <CampaignPage id={params.id} />}</Route>
            <Route path="/campaigns" component={CampaignsScreen} />
            <Route path="/pipeline" component={PipelineReviewScreen} />
            <Route path="/insights" component={InsightsScreen} />
            <Route path="/import" component={ImportScreen} />
            <Route path="/">
              <Redirect to="/capture" />
            </Route>
            <Route>
              <EmptyState title="Page not found" action={<Link href="/capture">Go to Capture</Link>} />
            </Route>
          </Switch>
        </main>
      </div>
      <Toaster />
    </div>
  );
};

export const App = () => (
  <Router hook={useHashLocation}>
    <Shell />
  </Router>
);
