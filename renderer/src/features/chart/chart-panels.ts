import type { ComponentType } from 'react';
import { ProblemsPanel } from './problems/ProblemsPanel';
import { AllergiesPanel } from './allergies/AllergiesPanel';
import { VisitsPanel } from './visits/VisitsPanel';
import { HistoryPanel } from './history/HistoryPanel';
import { ImmunizationsPanel } from './immunizations/ImmunizationsPanel';
import { MedicationsPanel } from './medications/MedicationsPanel';
import { VitalsPanel } from './vitals/VitalsPanel';
import { UpcomingAppointmentsPanel } from './appointments/UpcomingAppointmentsPanel';
import { LabResultsPanel } from '../labs/review/LabResultsPanel';

/** Where a panel sits on the chart overview (chart.css): the wide working column or the side column. */
export type ChartColumn = 'main' | 'side';

/**
 * One section of the chart overview (visits and notes, vitals, problems, allergies, medications,
 * immunizations, history), owned by its area's folder under renderer/src/features/chart/.
 */
export interface ChartPanel {
  id: string;
  column: ChartColumn;
  /** Lower comes first within its column. */
  order: number;
  Component: ComponentType<{ patientId: string }>;
}

/** Every panel of the overview; each area adds its own lines. */
export const CHART_PANELS: readonly ChartPanel[] = [
  { id: 'problems', column: 'side', order: 10, Component: ProblemsPanel },
  { id: 'allergies', column: 'side', order: 20, Component: AllergiesPanel },
  { id: 'visits', column: 'main', order: 10, Component: VisitsPanel },
  { id: 'medications', column: 'side', order: 30, Component: MedicationsPanel },
  { id: 'upcoming', column: 'side', order: 35, Component: UpcomingAppointmentsPanel },
  { id: 'immunizations', column: 'side', order: 40, Component: ImmunizationsPanel },
  { id: 'history', column: 'side', order: 50, Component: HistoryPanel },
  { id: 'vitals', column: 'main', order: 20, Component: VitalsPanel },
  // Lab results (issue 11): new results first, trends, the cumulative view.
  { id: 'labs', column: 'main', order: 30, Component: LabResultsPanel },
];
