export { ResultsScreen } from './ResultsScreen';
export { ResultsBadge } from './ResultsBadge';
export { LabResultsPanel } from './LabResultsPanel';
