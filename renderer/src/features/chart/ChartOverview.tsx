import { useTranslation } from 'react-i18next';
import { CHART_PANELS, type ChartColumn } from './chart-panels';
import './chart.css';

const COLUMNS: ChartColumn[] = ['main', 'side'];

/**
 * The doctor's view of one patient: the working column (visits, notes, vitals) beside the lists a
 * doctor glances at (problems, allergies, medications, immunizations, history). Laid out to fit
 * 1366x768 without scrolling the page for a typical patient; each panel scrolls on its own.
 */
export function ChartOverview({ patientId }: { patientId: string }) {
  const { t } = useTranslation('chart');
  return (
    <div className="chart-overview" aria-label={t('overview')} role="region">
      {COLUMNS.map((column) => (
        <div key={column} className={`chart-overview__column chart-overview__column--${column}`}>
          {CHART_PANELS.filter((p) => p.column === column)
            .slice()
            .sort((a, b) => a.order - b.order)
            .map(({ id, Component }) => (
              <Component key={id} patientId={patientId} />
            ))}
        </div>
      ))}
    </div>
  );
}
