import type { LabFlag, LabResultStatus, LabResultView, LabValueType } from '../../../../shared/domain/lab';

/** A lab_results row as the review's queries select it (`SELECT x.*`). */
export interface LabResultRow {
  id: string;
  report_id: string;
  patient_id: string;
  position: number;
  code: string;
  name: string;
  value_type: string;
  value_num: number | null;
  comparator: string | null;
  unit: string | null;
  value_text: string;
  original_value: string;
  original_unit: string;
  ref_low: number | null;
  ref_high: number | null;
  ref_text: string;
  flag: string | null;
  critical: number;
  delta_note: string;
  status: string;
  observed_at: string;
  comment: string;
}

export function toResultView(r: LabResultRow): LabResultView {
  return {
    id: r.id,
    reportId: r.report_id,
    code: r.code,
    name: r.name,
    valueType: r.value_type as LabValueType,
    valueNum: r.value_num,
    comparator: r.comparator,
    unit: r.unit,
    valueText: r.value_text,
    originalValue: r.original_value,
    originalUnit: r.original_unit,
    refLow: r.ref_low,
    refHigh: r.ref_high,
    refText: r.ref_text,
    flag: (r.flag as LabFlag | null) ?? null,
    critical: r.critical === 1,
    deltaNote: r.delta_note,
    status: r.status as LabResultStatus,
    observedAt: r.observed_at,
    comment: r.comment,
  };
}
