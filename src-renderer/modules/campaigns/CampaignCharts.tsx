import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CampaignFunnel, CampaignRoi } from '../../../src-shared/rules/metrics';
import type { ForecastMonth } from '../../../src-shared/rules/pipeline';
import { formatAmount } from './format';

/** The app's palette (styles.css), for SVG fills that cannot read CSS variables. */
export const chartColors = {
  accent: '#1f5fbf',
  accentLight: '#9dbbe8',
  hot: '#c62828',
  warm: '#d9822b',
  future: '#5b6bbf',
  prospect: '#8e99ab',
  ok: '#2e7d32',
  okLight: '#9ccc9f',
  cost: '#b3261e',
  grid: '#e8ebf0',
  text: '#5d6778',
} as const;

const axisTick = { fill: chartColors.text, fontSize: 12 };
/** Legends list series in the order they are drawn (recharts sorts them by name otherwise). */
const legendStyle = { fontSize: 12 };
const amountTick = (value: number) => formatAmount(value);
const tooltipAmount = (value: unknown) => formatAmount(Number(value));

/**
 * Cost against what came back: won revenue and the expected revenue of the open pipeline, stacked, so the ROI
 * reads as "how many costs fit into the return bar". Animations are off: figures must be readable at once.
 */
export const RoiChart = ({ roi }: { roi: CampaignRoi }) => {
  const data = [
    { name: 'Cost', cost: roi.cost },
    { name: 'Return', won: roi.wonRevenue, expected: roi.expectedOpenRevenue },
  ];
  return (
    <div
      className="office-chart"
      role="img"
      aria-label={`Cost ${formatAmount(roi.cost)} against won revenue ${formatAmount(roi.wonRevenue)} and expected revenue ${formatAmount(roi.expectedOpenRevenue)}`}
    >
      <ResponsiveContainer width="100%" height={170}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} stroke={chartColors.grid} />
          <XAxis type="number" tickFormatter={amountTick} tick={axisTick} />
          <YAxis type="category" dataKey="name" width={64} tick={axisTick} />
          <Tooltip formatter={tooltipAmount} />
          <Legend wrapperStyle={legendStyle} itemSorter={null} />
          <Bar
            dataKey="cost"
            name="Cost"
            stackId="roi"
            fill={chartColors.cost}
            isAnimationActive={false}
            barSize={28}
          />
          <Bar
            dataKey="won"
            name="Won revenue"
            stackId="roi"
            fill={chartColors.ok}
            isAnimationActive={false}
            barSize={28}
          />
          <Bar
            dataKey="expected"
            name="Expected from open pipeline"
            stackId="roi"
            fill={chartColors.okLight}
            isAnimationActive={false}
            barSize={28}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
};

/** Inquiries narrowing to won; the relevant-leads bar is split by grade. */
export const FunnelChart = ({ funnel }: { funnel: CampaignFunnel }) => {
  const data = [
    { step: 'Inquiries', count: funnel.inquiries },
    {
      step: 'Relevant leads',
      hot: funnel.relevant.hot,
      warm: funnel.relevant.warm,
      future: funnel.relevant.future,
      prospect: funnel.relevant.prospect,
    },
    { step: 'Opportunities', count: funnel.opportunities },
    { step: 'Won', won: funnel.won },
  ];
  const bar = (key: string, name: string, fill: string) => (
    <Bar dataKey={key} name={name} stackId="funnel" fill={fill} isAnimationActive={false} barSize={26} />
  );
  return (
    <div className="office-chart" role="img" aria-label="Inquiry funnel chart">
      <ResponsiveContainer width="100%" height={230}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} stroke={chartColors.grid} />
          <XAxis type="number" allowDecimals={false} tickFormatter={amountTick} tick={axisTick} />
          <YAxis type="category" dataKey="step" width={110} tick={axisTick} />
          <Tooltip />
          <Legend wrapperStyle={legendStyle} itemSorter={null} />
          {bar('count', 'Records', chartColors.accent)}
          {bar('hot', 'Hot', chartColors.hot)}
          {bar('warm', 'Warm', chartColors.warm)}
          {bar('future', 'Future', chartColors.future)}
          {bar('prospect', 'Prospect', chartColors.prospect)}
          {bar('won', 'Won', chartColors.ok)}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
};

/** Expected revenue of the open pipeline by close month (pipeline.forecastByMonth). */
export const ForecastChart = ({ months }: { months: readonly ForecastMonth[] }) => {
  const data = months.map((month) => ({
    month: month.month || 'No month',
    expected: month.expected,
    value: month.value,
  }));
  return (
    <div className="office-chart" role="img" aria-label="Forecast by expected close month">
      <ResponsiveContainer width="100%" height={200}>
        <BarChart data={data} margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid vertical={false} stroke={chartColors.grid} />
          <XAxis dataKey="month" tick={axisTick} />
          <YAxis tickFormatter={amountTick} tick={axisTick} width={72} />
          <Tooltip formatter={tooltipAmount} />
          <Legend wrapperStyle={legendStyle} itemSorter={null} />
          <Bar
            dataKey="value"
            name="Pipeline value"
            fill={chartColors.accentLight}
            isAnimationActive={false}
          />
          <Bar
            dataKey="expected"
            name="Expected (value × probability)"
            fill={chartColors.accent}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
};
