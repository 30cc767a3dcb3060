import { useTranslation } from 'react-i18next';
import type { Patient } from '../../../../shared/domain/patient';
import { CHART_PANELS, type ChartColumn } from './chart-panels';
import { FollowUpBooking } from './FollowUpBooking';
import { FhirExportButton } from './FhirExportButton';
import './chart.css';

const COLUMNS: ChartColumn[] = ['main', 'side'];

/**
 * The doctor's view of one patient: the working column (visits, notes, vitals) beside the lists a
 * doctor glances at (problems, allergies, medications, immunizations, history). Laid out to fit
 * 1366x768 without scrolling the page for a typical patient; each panel scrolls on its own.
 */
export function ChartOverview({ patient }: { patient: Patient }) {
  const { t } = useTranslation('chart');
  const patientId = patient.id;
  return (
    <div className="chart-overview" aria-label={t('overview')} role="region">
      <div className="chart-overview__toolbar">
        <FhirExportButton patientId={patientId} />
        <FollowUpBooking patient={patient} />
      </div>
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
