export { TextField, TextAreaField, SelectField } from './Field';
export { CheckboxField } from './CheckboxField';
export { Combobox } from './Combobox';
export { Dialog } from './Dialog';
export { FormDialog } from './FormDialog';
export { Notice } from './Notice';
export { DataTable, type Column, type RowSelection } from './DataTable';
export { CHART_TOOLTIP_STYLE, TrendPlot, type TrendDatum } from './TrendPlot';
