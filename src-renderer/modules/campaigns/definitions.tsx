import { competitionPoints } from '../../../src-shared/rules/metrics';

/**
 * The definitions behind the office figures, in the words shown on screen. They restate
 * src-shared/rules/metrics (definitions.ts and friends); change both together.
 */
export const figureDefinitions = {
  relevantLead:
    'A record of the campaign that is a lead in sales (any stage, won and lost included), a prospect, or in nurture with a grade. Unqualified inquiries and disqualified records are not.',
  opportunity:
    'A lead that reached a sales stage after the first one (seminar invited or later, or won), even if it was lost afterwards; or one that carries a deal value. Its value counts as opportunity value.',
  won: 'A lead at the won stage; its value is won revenue.',
  cost: 'The sum of the actual cost lines. The budget is the plan and is shown beside it, not used in the figures.',
  costPerLead: 'Cost divided by the number of relevant leads.',
  roi: 'Return on investment = (won revenue + expected revenue of the open pipeline − cost) ÷ cost. Expected revenue is each open lead’s value × its stage’s win probability. “Won only” leaves the pipeline out.',
  funnel:
    'Inquiries (every record of the campaign) → relevant leads by grade (hot, warm, future; prospects have no grade) → opportunities → won.',
  onTime:
    'The lead’s owner made a first call, email or visit after it entered sales at or before its follow-up deadline. Rate = on time ÷ deadlines already decided (on time, late or missed); leads still within their deadline wait.',
  assigned: 'A record that entered sales (became a lead), counted for its current owner in the week it did.',
  converted: 'Became an opportunity (see above), counted in the week it did.',
  weeks:
    'ISO weeks (Monday to Sunday) in your time zone. Follow-up on time is counted in the week the lead was assigned; conversions and wins in the week they happened.',
  points: `${competitionPoints.onTimeFollowUp} points per lead followed up on time, ${competitionPoints.conversion} per lead converted to an opportunity, ${competitionPoints.won} per deal won.`,
} as const;

export type FigureDefinition = keyof typeof figureDefinitions;

const labels: Record<FigureDefinition, string> = {
  relevantLead: 'Relevant lead',
  opportunity: 'Opportunity',
  won: 'Won',
  cost: 'Cost',
  costPerLead: 'Cost per relevant lead',
  roi: 'ROI',
  funnel: 'Funnel',
  onTime: 'Followed up on time',
  assigned: 'Leads assigned',
  converted: 'Converted',
  weeks: 'Weeks',
  points: 'Points',
};

/** "How these figures are computed": the definitions a screen relies on, stated where the figures are. */
export const FigureDefinitions = ({
  terms,
  title = 'How these figures are computed',
}: {
  terms: readonly FigureDefinition[];
  title?: string;
}) => (
  <section className="card figure-definitions" aria-label={title}>
    <h2>{title}</h2>
    <dl>
      {terms.map((term) => (
        <div key={term}>
          <dt>{labels[term]}</dt>
          <dd>{figureDefinitions[term]}</dd>
        </div>
      ))}
    </dl>
  </section>
);
